package dev.corebound.internal.parallel;

import dev.corebound.Backend;
import dev.corebound.Transpose;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.kernel.DoubleBlas;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.kernel.PackedGemm;
import dev.corebound.internal.parallel.Slices.Range;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one partitioning mechanism for BLAS: every operation is cut into
 * {@link Slices} over views of the operands, run as {@link Task}s by a
 * parallelism's workers with the backend's serial kernels, and partial
 * results are combined in slice order. Level-1 operations split index ranges,
 * gemv splits the rows of A (or, for A^T x, its columns, so that every slice
 * owns its part of y) and gemm splits rectangles of C over a shared packed B
 * (or, for backends without a two-phase gemm, row blocks of C).
 */
final class PartitionedBlas implements DoubleBlas {

    /** The reference's scaled sum of squares, to combine the slices' norms. */
    private static final DoubleBlas REFERENCE = Kernels.of(Backend.JAVA_SCALAR).blas();

    private final BackendKernels serial;
    private final Workers workers;

    PartitionedBlas(BackendKernels serial, Workers workers) {
        this.serial = serial;
        this.workers = workers;
    }

    @Override
    public Backend backend() {
        return serial.backend();
    }

    /** The backend's own limit: slicing does not shrink k or n of a gemm. */
    @Override
    public long maxDimension() {
        return serial.blas().maxDimension();
    }

    private static MemorySegment part(MemorySegment vector, Range r) {
        return vector.asSlice(r.start() * Double.BYTES, r.length() * Double.BYTES);
    }

    private double[] run(List<Task> tasks) {
        return workers.run(serial, tasks);
    }

    private static double sumInOrder(double[] partials) {
        double s = 0;
        for (double p : partials) {
            s += p;
        }
        return s;
    }

    @Override
    public double ddot(long n, MemorySegment x, MemorySegment y) {
        try (Staging staging = workers.staging()) {
            MemorySegment xs = staging.in(x, "x");
            MemorySegment ys = staging.in(y, "y");
            List<Task> tasks = new ArrayList<>();
            for (Range r : Slices.of(n, Slices.LEVEL1)) {
                tasks.add(new Task.Dot(r.length(), part(xs, r), part(ys, r)));
            }
            return sumInOrder(run(tasks));
        }
    }

    @Override
    public void daxpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        try (Staging staging = workers.staging()) {
            MemorySegment xs = staging.in(x, "x");
            MemorySegment ys = staging.inOut(y, "y");
            List<Task> tasks = new ArrayList<>();
            for (Range r : Slices.of(n, Slices.LEVEL1)) {
                tasks.add(new Task.Axpy(r.length(), alpha, part(xs, r), part(ys, r)));
            }
            run(tasks);
        }
    }

    @Override
    public void dscal(long n, double alpha, MemorySegment x) {
        try (Staging staging = workers.staging()) {
            MemorySegment xs = staging.inOut(x, "x");
            List<Task> tasks = new ArrayList<>();
            for (Range r : Slices.of(n, Slices.LEVEL1)) {
                tasks.add(new Task.Scal(r.length(), alpha, part(xs, r)));
            }
            run(tasks);
        }
    }

    @Override
    public double dasum(long n, MemorySegment x) {
        return sumInOrder(reduce(n, x, Task.Asum::new));
    }

    @Override
    public double dsum(long n, MemorySegment x) {
        return sumInOrder(reduce(n, x, Task.Sum::new));
    }

    /** The slices' norms are combined by the reference's scaled sum of squares: no overflow, no underflow. */
    @Override
    public double dnrm2(long n, MemorySegment x) {
        double[] norms = reduce(n, x, Task.Nrm2::new);
        return REFERENCE.dnrm2(norms.length, MemorySegment.ofArray(norms));
    }

    /** Each slice finds its first largest element; the first slice with the strictly largest wins. */
    @Override
    public long idamax(long n, MemorySegment x) {
        double[] local = reduce(n, x, Task.Iamax::new);
        long best = -1;
        double bestAbs = 0;
        List<Range> ranges = Slices.of(n, Slices.LEVEL1);
        for (int i = 0; i < local.length; i++) {
            if (local[i] < 0) {
                continue;
            }
            long index = ranges.get(i).start() + (long) local[i];
            double abs = Math.abs(x.getAtIndex(ValueLayout.JAVA_DOUBLE, index));
            if (best < 0 || abs > bestAbs) {
                best = index;
                bestAbs = abs;
            }
        }
        return best;
    }

    private interface Reduction {
        Task task(long n, MemorySegment x);
    }

    private double[] reduce(long n, MemorySegment x, Reduction reduction) {
        try (Staging staging = workers.staging()) {
            MemorySegment xs = staging.in(x, "x");
            List<Task> tasks = new ArrayList<>();
            for (Range r : Slices.of(n, Slices.LEVEL1)) {
                tasks.add(reduction.task(r.length(), part(xs, r)));
            }
            return run(tasks);
        }
    }

    @Override
    public void dgemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                      MemorySegment x, MemorySegment y) {
        try (Staging staging = workers.staging()) {
            MemorySegment as = staging.in(a, "A");
            MemorySegment xs = staging.in(x, "x");
            MemorySegment ys = staging.inOut(y, "y");
            List<Task> tasks = new ArrayList<>();
            if (!trans.transposed()) {
                for (Range r : Slices.of(m, Slices.gemvLines(n))) {
                    tasks.add(new Task.Gemv(trans, r.length(), n, alpha, Slices.block(as, m, n, lda, r.start(), 0, r.length(), n),
                            lda, xs, part(ys, r)));
                }
            } else {
                for (Range r : Slices.of(n, Slices.gemvLines(m))) {
                    tasks.add(new Task.Gemv(trans, m, r.length(), alpha, Slices.block(as, m, n, lda, 0, r.start(), m, r.length()),
                            lda, xs, part(ys, r)));
                }
            }
            run(tasks);
        }
    }

    /**
     * Two-phase when the backend offers it (see {@link PackedGemm}): the
     * workers pack alpha * op(B) once into scratch memory they all read, then
     * compute rectangles of C from it, each packing only its rows of A.
     * Otherwise row blocks of C, each a whole product of the backend's.
     */
    @Override
    public void dgemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                      MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc) {
        try (Staging staging = workers.staging()) {
            MemorySegment as = staging.in(a, "A");
            MemorySegment bs = staging.in(b, "B");
            MemorySegment cs = staging.inOut(c, "C");
            Optional<PackedGemm> packed = serial.packedGemm();
            if (packed.isPresent()) {
                twoPhaseGemm(packed.get(), staging, transA, transB, m, n, k, alpha, as, lda, bs, ldb, cs, ldc);
                return;
            }
            List<Task> tasks = new ArrayList<>();
            for (Range r : Slices.of(m, Slices.gemmRows(m))) {
                tasks.add(new Task.Gemm(transA, transB, r.length(), n, k, alpha, rowsOfA(transA, as, m, k, lda, r), lda,
                        bs, ldb, Slices.block(cs, m, n, ldc, r.start(), 0, r.length(), n), ldc));
            }
            run(tasks);
        }
    }

    private void twoPhaseGemm(PackedGemm g, Staging staging, Transpose transA, Transpose transB, long m, long n,
                              long k, double alpha, MemorySegment a, long lda, MemorySegment b, long ldb,
                              MemorySegment c, long ldc) {
        MemorySegment packedB = staging.scratch(Math.multiplyExact(g.packedBSize(k, n), (long) Double.BYTES));
        String layout = g.layout();
        long step = g.columnStep();
        List<Task> packing = new ArrayList<>();
        for (Range cols : Slices.packedColumns(n, step, workers.count())) {
            packing.add(new Task.PackB(transB, k, n, alpha, b, ldb, cols.start(), cols.end(), packedB, layout));
        }
        run(packing);
        List<Task> products = new ArrayList<>();
        for (Slices.Rectangle r : Slices.gemmRectangles(m, n, step, workers.count())) {
            Range rows = r.rows();
            products.add(new Task.GemmPacked(transA, rows.length(), k, rowsOfA(transA, a, m, k, lda, rows), lda,
                    packedB, n, r.columns().start(), r.columns().end(),
                    Slices.block(c, m, n, ldc, rows.start(), 0, rows.length(), n), ldc, layout));
        }
        run(products);
    }

    /** Rows r of op(A), m x k: a block of rows of A, or of columns when A is transposed. */
    private static MemorySegment rowsOfA(Transpose transA, MemorySegment a, long m, long k, long lda, Range r) {
        return transA.transposed()
                ? Slices.block(a, k, m, lda, 0, r.start(), k, r.length())
                : Slices.block(a, m, k, lda, r.start(), 0, r.length(), k);
    }
}
