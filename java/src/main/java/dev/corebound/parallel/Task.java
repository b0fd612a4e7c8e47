package dev.corebound.parallel;

import dev.corebound.Transpose;
import dev.corebound.ffm.corebound_h;
import dev.corebound.kernels.Kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.DoubleSupplier;

/**
 * One slice of work for one worker: an operation on views of shared memory,
 * or a workload range. Tasks are plain data so that a worker process can
 * receive them; {@link #run} does the work with the worker's kernel.
 *
 * <p>Integer results (an index, a count) come back as doubles, which is exact
 * below 2^53.
 */
public sealed interface Task {

    /** Does the work; under gil(n), Java arithmetic holds the lock and native calls and I/O release it. */
    double run(Kernel kernel, GilContext gil);

    /** Runs {@code body} as arithmetic of {@code kernel}'s backend: with the lock released when it is native. */
    private static double arithmetic(Kernel kernel, GilContext gil, DoubleSupplier body) {
        return kernel.backend().isNative() ? gil.released(body) : body.getAsDouble();
    }

    record Dot(long n, MemorySegment x, MemorySegment y) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            return arithmetic(kernel, gil, () -> kernel.dot(n, x, y));
        }
    }

    record Axpy(long n, double alpha, MemorySegment x, MemorySegment y) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            return arithmetic(kernel, gil, () -> {
                kernel.axpy(n, alpha, x, y);
                return 0;
            });
        }
    }

    record Scal(long n, double alpha, MemorySegment x) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            return arithmetic(kernel, gil, () -> {
                kernel.scal(n, alpha, x);
                return 0;
            });
        }
    }

    record Asum(long n, MemorySegment x) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            return arithmetic(kernel, gil, () -> kernel.asum(n, x));
        }
    }

    record Nrm2(long n, MemorySegment x) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            return arithmetic(kernel, gil, () -> kernel.nrm2(n, x));
        }
    }

    record Iamax(long n, MemorySegment x) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            return arithmetic(kernel, gil, () -> kernel.iamax(n, x));
        }
    }

    record Sum(long n, MemorySegment x) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            return arithmetic(kernel, gil, () -> kernel.sum(n, x));
        }
    }

    record Gemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                MemorySegment x, double beta, MemorySegment y) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            return arithmetic(kernel, gil, () -> {
                kernel.gemv(trans, m, n, alpha, a, lda, x, beta, y);
                return 0;
            });
        }
    }

    /**
     * A block of rows of C. Under gil(n) a Java kernel computes it in column
     * blocks with a switch point between them (each element of C is computed
     * the same way either way).
     */
    record Gemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                MemorySegment a, long lda, MemorySegment b, long ldb, double beta, MemorySegment c, long ldc)
            implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            if (kernel.backend().isNative() || !gil.chunked()) {
                return arithmetic(kernel, gil, () -> {
                    kernel.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
                    return 0;
                });
            }
            long width = Slices.gilGemmColumns(m, k);
            for (long j = 0; j < n; j += width) {
                long w = Math.min(width, n - j);
                MemorySegment bCols = transB.transposed()
                        ? Slices.block(b, n, k, ldb, j, 0, w, k)
                        : Slices.block(b, k, n, ldb, 0, j, k, w);
                MemorySegment cCols = Slices.block(c, m, n, ldc, 0, j, m, w);
                kernel.gemm(transA, transB, m, w, k, alpha, a, lda, bCols, ldb, beta, cCols, ldc);
                gil.switchPoint();
            }
            return 0;
        }
    }

    /** Monte Carlo pi over samples [first, first + count); the hit count is the result. */
    record MonteCarloPi(long seed, long first, long count) implements Task {
        /** Samples between switch points under gil(n). */
        private static final long GIL_CHUNK = 1 << 16;

        @Override
        public double run(Kernel kernel, GilContext gil) {
            if (kernel.backend().isNative() || !gil.chunked()) {
                return arithmetic(kernel, gil, () -> kernel.monteCarloPi(seed, first, count));
            }
            long hits = 0;
            for (long i = first; i < first + count; i += GIL_CHUNK) {
                hits += kernel.monteCarloPi(seed, i, Math.min(GIL_CHUNK, first + count - i));
                gil.switchPoint();
            }
            return hits;
        }
    }

    /** Mandelbrot rows [rowBegin, rowEnd) of a grid; the iteration count is the result. */
    record Mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                      double xMin, double xMax, double yMin, double yMax) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            if (kernel.backend().isNative() || !gil.chunked()) {
                return arithmetic(kernel, gil, () -> rows(kernel, rowBegin, rowEnd));
            }
            long total = 0;
            for (long row = rowBegin; row < rowEnd; row++) {
                total += rows(kernel, row, row + 1);
                gil.switchPoint();
            }
            return total;
        }

        private long rows(Kernel kernel, long from, long to) {
            return kernel.mandelbrot(width, height, from, to, maxIter, xMin, xMax, yMin, yMax);
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
        public double run(Kernel kernel, GilContext gil) {
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
     * Sums {@code data}'s bytes. Sent to a worker process, the bytes travel
     * through its pipe: the cost of moving data by message instead of sharing it.
     */
    record Checksum(byte[] data) implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            long sum = 0;
            for (byte b : data) {
                sum += b;
            }
            return sum;
        }
    }

    /** Does nothing: measures the cost of a round trip to a worker. */
    record Ping() implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
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
        public double run(Kernel kernel, GilContext gil) {
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
     * worker process runs it (see {@link ProcessPool}); anywhere else it is refused.
     */
    record Crash() implements Task {
        @Override
        public double run(Kernel kernel, GilContext gil) {
            if (!WorkerMain.isWorker()) {
                throw new IllegalStateException("refusing to crash a JVM that is not a corebound worker process");
            }
            corebound_h.cb_debug_segfault();
            return 0;
        }
    }
}
