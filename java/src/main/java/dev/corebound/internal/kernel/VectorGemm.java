package dev.corebound.internal.kernel;

import dev.corebound.Transpose;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.corebound.internal.kernel.VectorMicroKernel.MR;
import static dev.corebound.internal.kernel.VectorMicroKernel.NR;
import static dev.corebound.internal.kernel.VectorWidth.get;
import static dev.corebound.internal.kernel.VectorWidth.load;
import static dev.corebound.internal.kernel.VectorWidth.store;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * JAVA_VECTOR's gemm framework, after BLIS and GotoBLAS: blocking, packing and
 * the loops around {@link VectorMicroKernel}, serially ({@link #gemm}) and in
 * two phases for the parallel layer ({@link PackedGemm}).
 *
 * <p><b>Packing.</b> The inner dimension is cut into slices of {@link #KC}
 * steps. alpha * op(B) is packed slice by slice into micro-panels of NR
 * columns (row-major within, zero-padded past n), and for each slice a block
 * of at most {@link #MC} rows of op(A) into micro-panels of MR rows
 * (column-major within, zero-padded), so that packing absorbs transposes,
 * edges and alpha, and the microkernel has one shape.
 *
 * <p><b>Loops.</b> For each block of MC rows of C, its sums build up in an
 * accumulator array laid out tile by tile: for each slice, A's block is packed
 * (it stays in L2), then each B micro-panel (in L1) meets each A micro-panel
 * of the block, the microkernel starting the tile's sums in the first slice
 * and carrying them on in the others. Only when every slice is done is the
 * block added to C. Adding each slice's tile to C
 * instead touched twelve rows of C, in twelve pages, per microkernel call, and
 * those misses measured at a quarter of the time at n = 1024; the accumulator
 * array is swept in order, which the hardware prefetches. Serially, B is
 * packed for at most {@link #PANEL_DOUBLES} doubles of columns at a time; in
 * two phases, the whole of it once, by every worker for its own columns, and
 * each worker runs the same loops over its rectangle of C.
 *
 * <p><b>Same bits.</b> Every element of C gets C + (one chain of fused
 * multiply-adds of A and alpha * B over all of k, in k order, from 0), however
 * the columns are blocked and whatever rectangle a worker computes.
 */
final class VectorGemm implements PackedGemm {

    /** Steps of the inner dimension per slice: a KC x NR micro-panel of B (32 KiB at 8 doubles) stays in L1. */
    static final int KC = 256;
    /**
     * Rows of op(A) packed at once, a multiple of MR: the MC x KC block (384 KiB)
     * stays in L2, and each B micro-panel serves 16 A micro-panels before the
     * next is read. Measured side by side in one JVM at n = 1024: 192 rows 2 to
     * 4% faster than 96 and 144, as fast as 288 and 384.
     */
    static final int MC = 192;
    /** The most doubles of packed B the serial loops hold: 16 MiB, all of B up to k = n = 1448. */
    static final long PANEL_DOUBLES = 1 << 21;
    /** The most columns of C summed at once: the MC x ACC_COLUMNS accumulators take at most 3 MiB. */
    static final int ACC_COLUMNS = 2048;

    private static final VectorSpecies<Double> S = VectorWidth.SPECIES;
    private static final int L = VectorWidth.LANES;
    private static final String LAYOUT = "JAVA_VECTOR " + S.vectorBitSize() + "-bit: kc " + KC + ", nr " + NR;

    @Override
    public String layout() {
        return LAYOUT;
    }

    @Override
    public long packedBSize(long k, long n) {
        return k * roundUp(n, NR);
    }

    @Override
    public long columnStep() {
        return NR;
    }

    /** C += alpha * op(A) * op(B) on the calling thread. */
    static void gemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                     MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc) {
        long columns = Math.max(NR, PANEL_DOUBLES / k / NR * NR);
        Scratch s = Scratch.take();
        try {
            for (long j0 = 0; j0 < n; j0 += columns) {
                long j1 = Math.min(n, j0 + columns);
                long width = roundUp(j1 - j0, NR);
                MemorySegment panel = s.bPanel(k * width);
                for (long p0 = 0; p0 < k; p0 += KC) {
                    packB(transB, b, ldb, alpha, p0, (int) Math.min(KC, k - p0), j0, j1, panel, p0 * width, j0, s);
                }
                product(transA, m, k, a, lda, panel, width, j0, j0, j1, c, ldc, s);
            }
        } finally {
            s.give();
        }
    }

    @Override
    public void packB(Transpose transB, long k, long n, double alpha, MemorySegment b, long ldb, long j0, long j1,
                      MemorySegment packed) {
        long width = roundUp(n, NR);
        Scratch s = Scratch.take();
        try {
            for (long p0 = 0; p0 < k; p0 += KC) {
                packB(transB, b, ldb, alpha, p0, (int) Math.min(KC, k - p0), j0, j1, packed, p0 * width, 0, s);
            }
        } finally {
            s.give();
        }
    }

    @Override
    public void gemmPacked(Transpose transA, long m, long k, MemorySegment a, long lda, MemorySegment packed,
                           long n, long j0, long j1, MemorySegment c, long ldc) {
        Scratch s = Scratch.take();
        try {
            product(transA, m, k, a, lda, packed, roundUp(n, NR), 0, j0, j1, c, ldc, s);
        } finally {
            s.give();
        }
    }

    /**
     * C[0:m, j0:j1] += op(A) * packed B. The packed slice of steps from p0
     * starts at element p0 * width of {@code packed}, and within it the
     * micro-panel of columns from j (a multiple of NR past {@code origin}) at
     * (j - origin) * kc.
     */
    private static void product(Transpose transA, long m, long k, MemorySegment a, long lda, MemorySegment packed,
                                long width, long origin, long j0, long j1, MemorySegment c, long ldc, Scratch s) {
        for (long from = j0; from < j1; from += ACC_COLUMNS) {
            columns(transA, m, k, a, lda, packed, width, origin, from, Math.min(j1, from + ACC_COLUMNS), c, ldc, s);
        }
    }

    /** {@link #product} for at most {@link #ACC_COLUMNS} columns. */
    private static void columns(Transpose transA, long m, long k, MemorySegment a, long lda, MemorySegment packed,
                                long width, long origin, long j0, long j1, MemorySegment c, long ldc, Scratch s) {
        int cols = (int) (j1 - j0);
        int colsPadded = (int) roundUp(cols, NR);
        double[] acc = s.acc(MC * colsPadded);
        for (long i0 = 0; i0 < m; i0 += MC) {
            int mc = (int) Math.min(MC, m - i0);
            int rowsPadded = (int) roundUp(mc, MR);
            for (long p0 = 0; p0 < k; p0 += KC) {
                int kc = (int) Math.min(KC, k - p0);
                packA(transA, a, lda, i0, mc, p0, kc, s);
                long slice = p0 * width + (j0 - origin) * kc;
                for (int jr = 0; jr < colsPadded; jr += NR) {
                    MemorySegment panel = microPanel(packed, slice + (long) jr * kc, kc);
                    for (int ir = 0; ir < rowsPadded; ir += MR) {
                        VectorMicroKernel.multiply(kc, s.a, ir * kc, panel, acc, jr * rowsPadded + ir * NR, p0 == 0);
                    }
                }
            }
            addBlock(acc, rowsPadded, mc, cols, c, i0 * ldc + j0, ldc);
        }
    }

    /**
     * The kc x NR micro-panel of packed B from element {@code at}, always as
     * a plain native segment (reinterpret makes one of the same memory and
     * lifetime): the microkernel then sees one kind of segment, whether B was
     * packed in native memory or, for worker processes, in a file mapping. When
     * it saw both, C2 compiled its loads as a type switch and left a bounds
     * check in the loop, and the kernel ran 30% slower.
     */
    private static MemorySegment microPanel(MemorySegment packed, long at, int kc) {
        long bytes = (long) kc * NR * Double.BYTES;
        return packed.asSlice(at * Double.BYTES, bytes).reinterpret(bytes);
    }

    /**
     * C[i, j] += the block's sums for the rows x cols of C from element
     * {@code at}; the sum of row i, column j sits at
     * acc[(j - j % NR) * rowsPadded + i * NR + j % NR], tiles column block by column block.
     */
    private static void addBlock(double[] acc, int rowsPadded, int rows, int cols, MemorySegment c, long at,
                                 long ldc) {
        for (int i = 0; i < rows; i++) {
            long row = at + i * ldc;
            int j = 0;
            for (; j + L <= cols; j += L) {
                int sum = (j - j % NR) * rowsPadded + i * NR + j % NR;
                store(DoubleVector.fromArray(S, acc, sum).add(load(c, row + j)), c, row + j);
            }
            for (; j < cols; j++) {
                int sum = (j - j % NR) * rowsPadded + i * NR + j % NR;
                c.setAtIndex(JAVA_DOUBLE, row + j, get(c, row + j) + acc[sum]);
            }
        }
    }

    /**
     * Packs rows [i0, i0 + mc) and steps [p0, p0 + kc) of op(A) into MR-row
     * micro-panels: s.a[(r - r % MR) * kc + p * MR + r % MR] = op(A)[i0 + r, p0 + p].
     * Memory is read a stored row at a time with bulk copies: when A is
     * transposed a stored row holds one step of every row and is cut into
     * panel rows; otherwise a stored row is one row of op(A), spread down its panel.
     */
    private static void packA(Transpose transA, MemorySegment a, long lda, long i0, int mc, long p0, int kc,
                              Scratch s) {
        double[] dst = s.a;
        double[] row = s.row;
        if (transA.transposed()) {
            for (int p = 0; p < kc; p++) {
                MemorySegment.copy(a, JAVA_DOUBLE, ((p0 + p) * lda + i0) * Double.BYTES, row, 0, mc);
                for (int r = 0; r < mc; r += MR) {
                    System.arraycopy(row, r, dst, r * kc + p * MR, Math.min(MR, mc - r));
                }
            }
        } else {
            for (int r = 0; r < mc; r++) {
                MemorySegment.copy(a, JAVA_DOUBLE, ((i0 + r) * lda + p0) * Double.BYTES, row, 0, kc);
                int at = (r - r % MR) * kc + r % MR;
                for (int p = 0; p < kc; p++) {
                    dst[at + p * MR] = row[p];
                }
            }
        }
        int used = mc % MR;
        if (used != 0) {
            int last = (mc - used) * kc;
            for (int p = 0; p < kc; p++) {
                Arrays.fill(dst, last + p * MR + used, last + (p + 1) * MR, 0.0);
            }
        }
    }

    /**
     * Packs alpha * op(B)[p0:p0 + kc, j0:j1] into NR-column micro-panels of
     * {@code packed}: the one for columns from j (a multiple of NR past
     * {@code origin}) starts at element bAt + (j - origin) * kc and holds kc
     * rows of NR, zero-padded past j1 when j1 is not a multiple of NR.
     */
    private static void packB(Transpose transB, MemorySegment b, long ldb, double alpha, long p0, int kc,
                              long j0, long j1, MemorySegment packed, long bAt, long origin, Scratch s) {
        for (long jr = j0; jr < j1; jr += NR) {
            int cols = (int) Math.min(NR, j1 - jr);
            long panel = bAt + (jr - origin) * kc;
            if (!transB.transposed() && cols == NR) {
                microPanelFromRows(b, ldb, alpha, p0, kc, jr, packed, panel);
            } else {
                microPanelThroughHeap(transB, b, ldb, alpha, p0, kc, jr, cols, packed, panel, s.panel);
            }
        }
    }

    /** A whole micro-panel of B as stored (its rows are op(B)'s rows): scaled vector by vector. */
    private static void microPanelFromRows(MemorySegment b, long ldb, double alpha, long p0, int kc, long jr,
                                           MemorySegment packed, long panel) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        for (int p = 0; p < kc; p++) {
            long from = (p0 + p) * ldb + jr;
            long to = panel + (long) p * NR;
            for (int v = 0; v < NR; v += L) {
                store(load(b, from + v).mul(va), packed, to + v);
            }
        }
    }

    /**
     * A micro-panel of transposed B (a stored row is a column of op(B)) or
     * the last, narrower one: gathered into a heap buffer a stored row at a
     * time, scaled, zero-padded, and copied into place in one bulk copy.
     */
    private static void microPanelThroughHeap(Transpose transB, MemorySegment b, long ldb, double alpha, long p0,
                                              int kc, long jr, int cols, MemorySegment packed, long panel,
                                              double[] buffer) {
        if (transB.transposed()) {
            for (int j = 0; j < cols; j++) {
                long from = (jr + j) * ldb + p0;
                for (int p = 0; p < kc; p++) {
                    buffer[p * NR + j] = alpha * get(b, from + p);
                }
            }
        } else {
            for (int p = 0; p < kc; p++) {
                long from = (p0 + p) * ldb + jr;
                for (int j = 0; j < cols; j++) {
                    buffer[p * NR + j] = alpha * get(b, from + j);
                }
            }
        }
        if (cols < NR) {
            for (int p = 0; p < kc; p++) {
                Arrays.fill(buffer, p * NR + cols, (p + 1) * NR, 0.0);
            }
        }
        MemorySegment.copy(buffer, 0, packed, JAVA_DOUBLE, panel * Double.BYTES, kc * NR);
    }

    private static long roundUp(long v, int multiple) {
        return (v + multiple - 1) / multiple * multiple;
    }

    /**
     * One call's working memory, handed from call to call: allocating it afresh
     * made a 256 x 1024 x 1024 product 2.5 times slower, from garbage
     * collection of the multi-MiB B panels, and small products about twice as
     * slow. A pool rather than a ThreadLocal so that virtual threads, one per
     * task, reuse buffers too. Scratch belongs to one call from {@link #take}
     * to {@link #give}, so calls never share one.
     */
    private static final class Scratch {
        private static final ConcurrentLinkedQueue<Scratch> POOL = new ConcurrentLinkedQueue<>();

        /** The packed op(A) block. */
        final double[] a = new double[MC * KC];
        /** One stored row of A on its way into micro-panels. */
        final double[] row = new double[Math.max(KC, MC)];
        /** One micro-panel of B on its way into place. */
        final double[] panel = new double[KC * NR];
        /** The sums of one block of C, tile by tile. */
        private double[] acc = new double[0];
        /** The serial loops' packed B: off-heap, as the shared packed B the microkernel also reads. */
        private MemorySegment bPanel = MemorySegment.NULL;

        static Scratch take() {
            Scratch pooled = POOL.poll();
            return pooled != null ? pooled : new Scratch();
        }

        /** Accumulators for at least {@code doubles} sums; grown when a call needs more. */
        double[] acc(int doubles) {
            if (acc.length < doubles) {
                acc = new double[doubles];
            }
            return acc;
        }

        /** Packed B of at least {@code doubles} doubles; grown when a call needs more. */
        MemorySegment bPanel(long doubles) {
            if (bPanel.byteSize() < doubles * Double.BYTES) {
                bPanel = Arena.ofAuto().allocate(doubles * Double.BYTES, 64);
            }
            return bPanel;
        }

        void give() {
            POOL.offer(this);
        }
    }
}
