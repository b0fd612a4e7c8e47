package dev.corebound.internal.parallel;

import dev.corebound.Transpose;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.kernel.PackedGemm;
import dev.corebound.internal.process.WorkerMain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;

/**
 * One slice of work for one worker: an operation on views of shared memory,
 * or a workload range. Tasks are plain data so that a worker process can
 * receive them; {@link #run} does the work with the worker's kernels.
 *
 * <p>A task that names memory checks, when it is made, that its sizes fit the
 * segments it names ({@link Bounds}): the kernels it runs trust them, and a
 * worker process rebuilds each task it receives through the same constructor.
 * Integer results (an index, a count) come back as doubles, which is exact
 * below 2^53.
 */
public sealed interface Task {

    /** Does the work; under gil(n), Java arithmetic holds the lock and native calls and I/O release it. */
    double run(BackendKernels kernels, GilContext gil);

    /** Runs {@code body} as arithmetic of the kernels' backend: with the lock released when it is native. */
    private static double arithmetic(BackendKernels kernels, GilContext gil, DoubleSupplier body) {
        return kernels.backend().isNative() ? gil.released(body) : body.getAsDouble();
    }

    record Dot(long n, MemorySegment x, MemorySegment y) implements Task {
        public Dot {
            Bounds.vector(n, x, "x");
            Bounds.vector(n, y, "y");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return arithmetic(kernels, gil, () -> kernels.blas().ddot(n, x, y));
        }
    }

    record Axpy(long n, double alpha, MemorySegment x, MemorySegment y) implements Task {
        public Axpy {
            Bounds.vector(n, x, "x");
            Bounds.vector(n, y, "y");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return arithmetic(kernels, gil, () -> {
                kernels.blas().daxpy(n, alpha, x, y);
                return 0;
            });
        }
    }

    record Scal(long n, double alpha, MemorySegment x) implements Task {
        public Scal {
            Bounds.vector(n, x, "x");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return arithmetic(kernels, gil, () -> {
                kernels.blas().dscal(n, alpha, x);
                return 0;
            });
        }
    }

    record Asum(long n, MemorySegment x) implements Task {
        public Asum {
            Bounds.vector(n, x, "x");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return arithmetic(kernels, gil, () -> kernels.blas().dasum(n, x));
        }
    }

    record Nrm2(long n, MemorySegment x) implements Task {
        public Nrm2 {
            Bounds.vector(n, x, "x");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return arithmetic(kernels, gil, () -> kernels.blas().dnrm2(n, x));
        }
    }

    record Iamax(long n, MemorySegment x) implements Task {
        public Iamax {
            Bounds.vector(n, x, "x");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return arithmetic(kernels, gil, () -> kernels.blas().idamax(n, x));
        }
    }

    record Sum(long n, MemorySegment x) implements Task {
        public Sum {
            Bounds.vector(n, x, "x");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return arithmetic(kernels, gil, () -> kernels.blas().dsum(n, x));
        }
    }

    /** y += alpha * op(A) * x over some rows of A (or, transposed, some columns). */
    record Gemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                MemorySegment x, MemorySegment y) implements Task {
        public Gemv {
            Bounds.matrix(m, n, lda, a, "A");
            Bounds.vector(trans.transposed() ? m : n, x, "x");
            Bounds.vector(trans.transposed() ? n : m, y, "y");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return arithmetic(kernels, gil, () -> {
                kernels.blas().dgemv(trans, m, n, alpha, a, lda, x, y);
                return 0;
            });
        }
    }

    /**
     * C += alpha * op(A) * op(B) for a block of rows of C. Under gil(n) a Java
     * kernel computes it in column blocks with a switch point between them
     * (each element of C is computed the same way either way).
     */
    record Gemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc)
            implements Task {
        public Gemm {
            Bounds.matrix(transA.transposed() ? k : m, transA.transposed() ? m : k, lda, a, "A");
            Bounds.matrix(transB.transposed() ? n : k, transB.transposed() ? k : n, ldb, b, "B");
            Bounds.matrix(m, n, ldc, c, "C");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return inColumnChunks(kernels, gil, 0, n, Slices.gilGemmColumns(m, k, 64), (from, to) -> {
                long w = to - from;
                MemorySegment bCols = transB.transposed()
                        ? Slices.block(b, n, k, ldb, from, 0, w, k)
                        : Slices.block(b, k, n, ldb, 0, from, k, w);
                MemorySegment cCols = Slices.block(c, m, n, ldc, 0, from, m, w);
                kernels.blas().dgemm(transA, transB, m, w, k, alpha, a, lda, bCols, ldb, cCols, ldc);
            });
        }
    }

    /**
     * Phase one of a two-phase gemm ({@link PackedGemm}): packs alpha * op(B)
     * [:, j0:j1] into {@code packed}, which every worker then reads. The
     * packed layout is the backend's, so the task names the layout it was
     * sized for and checks, where it runs, that the kernels there share it.
     */
    record PackB(Transpose transB, long k, long n, double alpha, MemorySegment b, long ldb, long j0, long j1,
                 MemorySegment packed, String layout) implements Task {
        public PackB {
            Bounds.matrix(transB.transposed() ? n : k, transB.transposed() ? k : n, ldb, b, "B");
            Bounds.columns(j0, j1, n);
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            PackedGemm g = packedGemm(kernels, layout, k, n, j0, j1, packed);
            return inColumnChunks(kernels, gil, j0, j1, Slices.gilGemmColumns(1, k, g.columnStep()),
                    (from, to) -> g.packB(transB, k, n, alpha, b, ldb, from, to, packed));
        }
    }

    /**
     * Phase two of a two-phase gemm: C[rows, j0:j1] += op(A)[rows, :] * packed
     * B[:, j0:j1], for a rectangle of C whose m rows {@code a} and {@code c}
     * start at (c holds all n columns of them). Under gil(n) a Java kernel
     * computes it in column blocks with a switch point between them.
     */
    record GemmPacked(Transpose transA, long m, long k, MemorySegment a, long lda, MemorySegment packed, long n,
                      long j0, long j1, MemorySegment c, long ldc, String layout) implements Task {
        public GemmPacked {
            Bounds.matrix(transA.transposed() ? k : m, transA.transposed() ? m : k, lda, a, "A");
            Bounds.columns(j0, j1, n);
            Bounds.matrix(m, n, ldc, c, "C");
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            PackedGemm g = packedGemm(kernels, layout, k, n, j0, j1, packed);
            return inColumnChunks(kernels, gil, j0, j1, Slices.gilGemmColumns(m, k, g.columnStep()),
                    (from, to) -> g.gemmPacked(transA, m, k, a, lda, packed, n, from, to, c, ldc));
        }
    }

    /**
     * Runs {@code body} over columns [j0, j1) as the kernels' arithmetic: in
     * one go, or, for Java kernels under gil(n), in chunks of {@code width}
     * columns with a switch point after each.
     */
    private static double inColumnChunks(BackendKernels kernels, GilContext gil, long j0, long j1, long width,
                                         BiConsumer<Long, Long> body) {
        if (kernels.backend().isNative() || !gil.chunked()) {
            return arithmetic(kernels, gil, () -> {
                body.accept(j0, j1);
                return 0;
            });
        }
        for (long j = j0; j < j1; j += width) {
            body.accept(j, Math.min(j1, j + width));
            gil.switchPoint();
        }
        return 0;
    }

    /**
     * The kernels' two-phase gemm, once it is known to read {@code packed} as
     * the task's layout, {@code packed} holds the whole packed B, and the
     * columns start and end on the layout's column step.
     */
    private static PackedGemm packedGemm(BackendKernels kernels, String layout, long k, long n, long j0, long j1,
                                         MemorySegment packed) {
        PackedGemm g = kernels.packedGemm().orElseThrow(() -> new IllegalStateException(
                kernels.backend() + " has no two-phase gemm here"));
        if (!g.layout().equals(layout)) {
            throw new IllegalStateException("packed B is laid out for " + layout + ", but " + kernels.backend()
                    + " here reads " + g.layout());
        }
        Bounds.vector(g.packedBSize(k, n), packed, "packed B");
        long step = g.columnStep();
        if (j0 % step != 0 || (j1 % step != 0 && j1 != n)) {
            throw new IndexOutOfBoundsException("columns [" + j0 + ", " + j1 + ") do not fall on the packed layout's "
                    + "step of " + step + " (n = " + n + ")");
        }
        return g;
    }

    /** Monte Carlo pi over samples [first, first + count); the hit count is the result. */
    record MonteCarloPi(long seed, long first, long count) implements Task {
        /** Samples between switch points under gil(n). */
        private static final long GIL_CHUNK = 1 << 16;

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            if (kernels.backend().isNative() || !gil.chunked()) {
                return arithmetic(kernels, gil, () -> kernels.requireWorkloads().monteCarloPi(seed, first, count));
            }
            long hits = 0;
            for (long i = first; i < first + count; i += GIL_CHUNK) {
                hits += kernels.requireWorkloads().monteCarloPi(seed, i, Math.min(GIL_CHUNK, first + count - i));
                gil.switchPoint();
            }
            return hits;
        }
    }

    /** Mandelbrot rows [rowBegin, rowEnd) of a grid; the iteration count is the result. */
    record Mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                      double xMin, double xMax, double yMin, double yMax) implements Task {
        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            if (kernels.backend().isNative() || !gil.chunked()) {
                return arithmetic(kernels, gil, () -> rows(kernels, rowBegin, rowEnd));
            }
            long total = 0;
            for (long row = rowBegin; row < rowEnd; row++) {
                total += rows(kernels, row, row + 1);
                gil.switchPoint();
            }
            return total;
        }

        private long rows(BackendKernels kernels, long from, long to) {
            return kernels.requireWorkloads().mandelbrot(width, height, from, to, maxIter, xMin, xMax, yMin, yMax);
        }
    }

    /**
     * {@code count} blocking requests, one after another, to the latency server
     * on 127.0.0.1:port over one connection: the I/O-bound workload. Waiting
     * for the answer releases the lock under gil(n). The result is the number
     * of answers received.
     */
    record Requests(int port, int count) implements Task {
        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                long answers = 0;
                for (int i = 0; i < count; i++) {
                    answers += (long) gil.released(() -> roundTrip(out, in));
                }
                return answers;
            } catch (IOException e) {
                throw new UncheckedIOException("request to 127.0.0.1:" + port + " failed: " + e.getMessage(), e);
            }
        }

        private static double roundTrip(OutputStream out, InputStream in) {
            try {
                out.write(1);
                out.flush();
                if (in.read() < 0) {
                    throw new IOException("the server closed the connection");
                }
                return 1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Sums the first {@code length} bytes of {@code data}. Sent to a worker
     * process, the bytes travel through its pipe: the cost of moving data by
     * message instead of sharing it.
     */
    record Checksum(byte[] data, int length) implements Task {
        public Checksum {
            Objects.checkFromIndexSize(0, length, data.length);
        }

        /** All of {@code data}. */
        public Checksum(byte[] data) {
            this(data, data.length);
        }

        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            long sum = 0;
            for (int i = 0; i < length; i++) {
                sum += data[i];
            }
            return sum;
        }
    }

    /** Does nothing: measures the cost of a round trip to a worker. */
    record Ping() implements Task {
        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            return 0;
        }
    }

    /**
     * Busy-loops for {@code millis} milliseconds, or forever when negative,
     * ignoring interrupts: a runaway loop that only killing its process stops.
     * The result is how many loop rounds ran.
     */
    record Spin(long millis) implements Task {
        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            long deadline = System.nanoTime() + millis * 1_000_000;
            long rounds = 0;
            while (millis < 0 || System.nanoTime() < deadline) {
                rounds++;
                gil.switchPoint();
            }
            return rounds;
        }
    }

    /**
     * Crashes the process with a segmentation fault inside native code. Only a
     * worker process runs it (see {@link WorkerMain}); anywhere else it is refused.
     */
    record Crash() implements Task {
        @Override
        public double run(BackendKernels kernels, GilContext gil) {
            if (!WorkerMain.isWorker()) {
                throw new IllegalStateException("refusing to crash a JVM that is not a corebound worker process");
            }
            Kernels.crashInNativeCode();
            return 0;
        }
    }
}
