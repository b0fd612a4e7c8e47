package dev.corebound.kernels;

import dev.corebound.Backend;
import dev.corebound.Transpose;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * {@link Backend#JAVA_VECTOR}: the Vector API on the CPU's preferred vector
 * width (8 doubles with AVX-512, 4 with AVX2, 2 with NEON).
 *
 * <p>Reductions keep four independent vector accumulators, so additions
 * overlap instead of waiting on each other, and add the lanes in a fixed
 * order, so a result depends on n alone. gemm follows the BLIS/GotoBLAS plan:
 * op(B) is packed (times alpha) into panels of {@link #NR} columns, op(A) into
 * panels of {@link #MR} rows, both zero-padded to whole tiles, and a
 * microkernel keeps an MR x NR tile of C in vector registers across a KC-deep
 * slice of the inner dimension. Every element of C sums its products in the
 * same order wherever it sits, so results do not depend on how the parallel
 * layer cuts C.
 *
 * <p>Loaded only when the {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 */
public final class VectorKernel implements Kernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    /** Microkernel tile: 6 rows x 2 vectors = 12 accumulators, plus 2 loads of B and a broadcast of A. */
    static final int MR = 6;
    static final int NR = 2 * L;
    /** Depth of a packed slice: an MR x KC panel of A and a KC x NR panel of B stay in L1. */
    private static final int KC = 256;
    /** Rows of A packed at once (an MC x KC block stays in L2). */
    private static final int MC = 96;
    /** Columns of B packed at once (a KC x NC panel stays in L3). */
    private static final int NC = 2048;

    @Override
    public Backend backend() {
        return Backend.JAVA_VECTOR;
    }

    @Override
    public String description() {
        return "Vector API, " + S.vectorBitSize() + "-bit species (" + L + " doubles)";
    }

    private static DoubleVector load(MemorySegment s, long index) {
        return DoubleVector.fromMemorySegment(S, s, index * Double.BYTES, ORDER);
    }

    private static void store(DoubleVector v, MemorySegment s, long index) {
        v.intoMemorySegment(s, index * Double.BYTES, ORDER);
    }

    private static double get(MemorySegment s, long i) {
        return s.getAtIndex(JAVA_DOUBLE, i);
    }

    /** The lanes of (a0 + a1) + (a2 + a3), added first to last: the same bits for the same input. */
    private static double lanes(DoubleVector a0, DoubleVector a1, DoubleVector a2, DoubleVector a3) {
        double[] v = a0.add(a1).add(a2.add(a3)).toArray();
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    @Override
    public double dot(long n, MemorySegment x, MemorySegment y) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        long i = 0;
        for (; i + 4L * L <= n; i += 4L * L) {
            a0 = load(x, i).fma(load(y, i), a0);
            a1 = load(x, i + L).fma(load(y, i + L), a1);
            a2 = load(x, i + 2L * L).fma(load(y, i + 2L * L), a2);
            a3 = load(x, i + 3L * L).fma(load(y, i + 3L * L), a3);
        }
        for (; i + L <= n; i += L) {
            a0 = load(x, i).fma(load(y, i), a0);
        }
        double s = lanes(a0, a1, a2, a3);
        for (; i < n; i++) {
            s += get(x, i) * get(y, i);
        }
        return s;
    }

    @Override
    public void axpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        if (alpha == 0) {
            return; // reference BLAS returns early: NaN in x does not reach y
        }
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        long i = 0;
        for (; i + L <= n; i += L) {
            store(load(x, i).fma(va, load(y, i)), y, i);
        }
        for (; i < n; i++) {
            y.setAtIndex(JAVA_DOUBLE, i, get(y, i) + alpha * get(x, i));
        }
    }

    @Override
    public void scal(long n, double alpha, MemorySegment x) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        long i = 0;
        for (; i + L <= n; i += L) {
            store(load(x, i).mul(va), x, i);
        }
        for (; i < n; i++) {
            x.setAtIndex(JAVA_DOUBLE, i, alpha * get(x, i));
        }
    }

    @Override
    public double asum(long n, MemorySegment x) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        long i = 0;
        for (; i + 4L * L <= n; i += 4L * L) {
            a0 = a0.add(load(x, i).abs());
            a1 = a1.add(load(x, i + L).abs());
            a2 = a2.add(load(x, i + 2L * L).abs());
            a3 = a3.add(load(x, i + 3L * L).abs());
        }
        for (; i + L <= n; i += L) {
            a0 = a0.add(load(x, i).abs());
        }
        double s = lanes(a0, a1, a2, a3);
        for (; i < n; i++) {
            s += Math.abs(get(x, i));
        }
        return s;
    }

    @Override
    public double sum(long n, MemorySegment x) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        long i = 0;
        for (; i + 4L * L <= n; i += 4L * L) {
            a0 = a0.add(load(x, i));
            a1 = a1.add(load(x, i + L));
            a2 = a2.add(load(x, i + 2L * L));
            a3 = a3.add(load(x, i + 3L * L));
        }
        for (; i + L <= n; i += L) {
            a0 = a0.add(load(x, i));
        }
        double s = lanes(a0, a1, a2, a3);
        for (; i < n; i++) {
            s += get(x, i);
        }
        return s;
    }

    /**
     * Two passes: the largest magnitude (NaN wins, as Math.max lets it), then
     * the sum of squares scaled by a power of two near its reciprocal, applied
     * as two exact factors because it can exceed the double range for subnormal
     * inputs. Squares then neither overflow nor vanish.
     */
    @Override
    public double nrm2(long n, MemorySegment x) {
        double amax = maxAbs(n, x);
        if (amax == 0 || Double.isNaN(amax) || Double.isInfinite(amax)) {
            return amax;
        }
        int e = Math.getExponent(amax);
        int half = -e / 2;
        double s1 = Math.scalb(1.0, half);
        double s2 = Math.scalb(1.0, -e - half);
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0;
        long i = 0;
        for (; i + 2L * L <= n; i += 2L * L) {
            DoubleVector v0 = load(x, i).mul(s1).mul(s2);
            DoubleVector v1 = load(x, i + L).mul(s1).mul(s2);
            a0 = v0.fma(v0, a0);
            a1 = v1.fma(v1, a1);
        }
        double s = lanes(a0, a1, DoubleVector.zero(S), DoubleVector.zero(S));
        for (; i < n; i++) {
            double v = get(x, i) * s1 * s2;
            s += v * v;
        }
        return Math.sqrt(s) / s1 / s2;
    }

    /** max |x[i]|, NaN if any element is NaN. */
    private static double maxAbs(long n, MemorySegment x) {
        DoubleVector m = DoubleVector.zero(S);
        long i = 0;
        for (; i + L <= n; i += L) {
            m = m.max(load(x, i).abs());
        }
        double best = m.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            best = Math.max(best, Math.abs(get(x, i)));
        }
        return best;
    }

    /**
     * Reference BLAS's choice: the first index of the largest magnitude, NaN
     * never larger than anything (except a NaN first element, which nothing
     * compares larger than). Pass one finds the largest magnitude skipping NaN,
     * pass two the first index that has it.
     */
    @Override
    public long iamax(long n, MemorySegment x) {
        if (n == 0) {
            return -1;
        }
        if (Double.isNaN(get(x, 0))) {
            return 0;
        }
        DoubleVector m = DoubleVector.zero(S);
        long i = 0;
        for (; i + L <= n; i += L) {
            DoubleVector a = load(x, i).abs();
            m = m.blend(a, a.compare(VectorOperators.GT, m));
        }
        double best = 0;
        for (double lane : m.toArray()) {
            best = lane > best ? lane : best;
        }
        for (; i < n; i++) {
            double a = Math.abs(get(x, i));
            best = a > best ? a : best;
        }
        DoubleVector target = DoubleVector.broadcast(S, best);
        for (i = 0; i + L <= n; i += L) {
            VectorMask<Double> hit = load(x, i).abs().compare(VectorOperators.EQ, target);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            if (Math.abs(get(x, i)) == best) {
                return i;
            }
        }
        return 0;
    }

    @Override
    public void gemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                     MemorySegment x, double beta, MemorySegment y) {
        if (m == 0 || n == 0) {
            return; // reference BLAS's quick return: y is not scaled either
        }
        scaleOutput(trans.transposed() ? n : m, beta, y);
        if (alpha == 0) {
            return;
        }
        long rowBytes = lda * Double.BYTES;
        if (!trans.transposed()) {
            for (long i = 0; i < m; i++) {
                double d = dot(n, a.asSlice(i * rowBytes, n * Double.BYTES), x);
                y.setAtIndex(JAVA_DOUBLE, i, get(y, i) + alpha * d);
            }
        } else {
            for (long i = 0; i < m; i++) {
                double t = alpha * get(x, i);
                DoubleVector vt = DoubleVector.broadcast(S, t);
                long base = i * lda;
                long j = 0;
                for (; j + L <= n; j += L) {
                    store(load(a, base + j).fma(vt, load(y, j)), y, j);
                }
                for (; j < n; j++) {
                    y.setAtIndex(JAVA_DOUBLE, j, get(y, j) + t * get(a, base + j));
                }
            }
        }
    }

    /** y = beta * y; beta == 0 writes zeros without reading y (NaN in y does not survive). */
    private void scaleOutput(long n, double beta, MemorySegment y) {
        if (beta == 0) {
            y.asSlice(0, n * Double.BYTES).fill((byte) 0);
        } else if (beta != 1) {
            scal(n, beta, y);
        }
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                     MemorySegment a, long lda, MemorySegment b, long ldb, double beta, MemorySegment c, long ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        for (long i = 0; i < m; i++) {
            scaleOutput(n, beta, c.asSlice(i * ldc * Double.BYTES, n * Double.BYTES));
        }
        if (alpha == 0 || k == 0) {
            return;
        }
        int kcMax = (int) Math.min(KC, k);
        Buffers buffers = Buffers.take(kcMax * (int) roundUp(Math.min(MC, m), MR), kcMax * (int) Math.min(NC, roundUp(n, NR)));
        try {
            for (long j0 = 0; j0 < n; j0 += NC) {
                int nc = (int) Math.min(NC, n - j0);
                for (long p0 = 0; p0 < k; p0 += KC) {
                    int kc = (int) Math.min(KC, k - p0);
                    packB(transB, alpha, b, ldb, p0, kc, j0, nc, buffers.b, buffers.row);
                    for (long i0 = 0; i0 < m; i0 += MC) {
                        int mc = (int) Math.min(MC, m - i0);
                        packA(transA, a, lda, i0, mc, p0, kc, buffers.a, buffers.row);
                        macroKernel(mc, nc, kc, buffers.a, buffers.b, c, i0 * ldc + j0, ldc, buffers.tile);
                    }
                }
            }
        } finally {
            buffers.give();
        }
    }

    /**
     * Packing buffers, reused across calls: allocating a few hundred KiB per
     * call costs page faults whenever the heap grows, which made small
     * products ten times slower in bursts. A pool rather than a ThreadLocal,
     * so that virtual threads reuse buffers too.
     */
    private static final class Buffers {
        private static final ConcurrentLinkedQueue<Buffers> POOL = new ConcurrentLinkedQueue<>();

        final double[] a;
        final double[] b;
        final double[] tile = new double[MR * NR];
        /** One row of A or B on its way into a panel. */
        final double[] row = new double[KC];

        private Buffers(int aSize, int bSize) {
            a = new double[aSize];
            b = new double[bSize];
        }

        static Buffers take(int aSize, int bSize) {
            Buffers pooled = POOL.poll();
            if (pooled != null && pooled.a.length >= aSize && pooled.b.length >= bSize) {
                return pooled;
            }
            return pooled == null ? new Buffers(aSize, bSize)
                    : new Buffers(Math.max(aSize, pooled.a.length), Math.max(bSize, pooled.b.length));
        }

        void give() {
            POOL.offer(this);
        }
    }

    private static long roundUp(long v, int multiple) {
        return (v + multiple - 1) / multiple * multiple;
    }

    /**
     * op(A)[i0 + i][p0 + p] as MR-row micro-panels, column by column
     * (dst[panel][p * MR + i]), zero-padded. Rows of memory are read with bulk
     * copies: a row of A (no transpose) is scattered down a panel, a row of the
     * stored A^T (transpose) is already one column of a panel.
     */
    private static void packA(Transpose t, MemorySegment a, long lda, long i0, int mc, long p0, int kc, double[] dst,
                              double[] row) {
        for (int ir = 0; ir < mc; ir += MR) {
            int panel = ir * kc;
            int rows = Math.min(MR, mc - ir);
            if (t.transposed()) {
                for (int p = 0; p < kc; p++) {
                    int at = panel + p * MR;
                    MemorySegment.copy(a, JAVA_DOUBLE, ((p0 + p) * lda + i0 + ir) * Double.BYTES, dst, at, rows);
                    Arrays.fill(dst, at + rows, at + MR, 0.0);
                }
            } else {
                for (int i = 0; i < MR; i++) {
                    if (i < rows) {
                        MemorySegment.copy(a, JAVA_DOUBLE, ((i0 + ir + i) * lda + p0) * Double.BYTES, row, 0, kc);
                    } else {
                        Arrays.fill(row, 0, kc, 0.0);
                    }
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * MR + i] = row[p];
                    }
                }
            }
        }
    }

    /**
     * alpha * op(B)[p0 + p][j0 + j] as NR-column micro-panels, row by row
     * (dst[panel][p * NR + j]), zero-padded. A row of B (no transpose) is one
     * row of a panel; a row of the stored B^T (transpose) is scattered down one.
     */
    private static void packB(Transpose t, double alpha, MemorySegment b, long ldb, long p0, int kc, long j0, int nc,
                              double[] dst, double[] row) {
        for (int jr = 0; jr < nc; jr += NR) {
            int panel = jr * kc;
            int cols = Math.min(NR, nc - jr);
            if (t.transposed()) {
                for (int j = 0; j < NR; j++) {
                    if (j < cols) {
                        MemorySegment.copy(b, JAVA_DOUBLE, ((j0 + jr + j) * ldb + p0) * Double.BYTES, row, 0, kc);
                    } else {
                        Arrays.fill(row, 0, kc, 0.0);
                    }
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * NR + j] = alpha * row[p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int at = panel + p * NR;
                    MemorySegment.copy(b, JAVA_DOUBLE, ((p0 + p) * ldb + j0 + jr) * Double.BYTES, dst, at, cols);
                    Arrays.fill(dst, at + cols, at + NR, 0.0);
                    for (int j = 0; j < cols; j++) {
                        dst[at + j] *= alpha;
                    }
                }
            }
        }
    }

    /**
     * C block at {@code cOffset} += packed A block * packed B panel, tile by
     * tile: the microkernel leaves each tile's sums in {@code tile}, and only
     * the part inside C is added, which handles edge tiles with no special case.
     */
    private static void macroKernel(int mc, int nc, int kc, double[] aPack, double[] bPack,
                                    MemorySegment c, long cOffset, long ldc, double[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int bAt = (jr / NR) * kc * NR;
            int cols = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                microKernel(kc, aPack, (ir / MR) * kc * MR, bPack, bAt, tile);
                addTile(tile, Math.min(MR, mc - ir), cols, c, cOffset + ir * ldc + jr, ldc);
            }
        }
    }

    /**
     * tile = A panel * B panel over kc steps. The twelve accumulators are
     * locals, not an array, and the method stays small, so that C2 inlines
     * every vector operation and keeps the accumulators in registers.
     */
    private static void microKernel(int kc, double[] a, int aAt, double[] b, int bAt, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++) {
            int bp = bAt + p * NR;
            int ap = aAt + p * MR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
            DoubleVector ai = DoubleVector.broadcast(S, a[ap]);
            c00 = ai.fma(b0, c00);
            c01 = ai.fma(b1, c01);
            ai = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = ai.fma(b0, c10);
            c11 = ai.fma(b1, c11);
            ai = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = ai.fma(b0, c20);
            c21 = ai.fma(b1, c21);
            ai = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = ai.fma(b0, c30);
            c31 = ai.fma(b1, c31);
            ai = DoubleVector.broadcast(S, a[ap + 4]);
            c40 = ai.fma(b0, c40);
            c41 = ai.fma(b1, c41);
            ai = DoubleVector.broadcast(S, a[ap + 5]);
            c50 = ai.fma(b0, c50);
            c51 = ai.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
    }

    /** C[i, j] += tile[i, j] for the rows x cols part of the tile that lies inside C. */
    private static void addTile(double[] tile, int rows, int cols, MemorySegment c, long at, long ldc) {
        for (int i = 0; i < rows; i++) {
            long row = at + i * ldc;
            int j = 0;
            for (; j + L <= cols; j += L) {
                store(load(c, row + j).add(DoubleVector.fromArray(S, tile, i * NR + j)), c, row + j);
            }
            for (; j < cols; j++) {
                c.setAtIndex(JAVA_DOUBLE, row + j, get(c, row + j) + tile[i * NR + j]);
            }
        }
    }

    @Override
    public long monteCarloPi(long seed, long first, long count) {
        return ScalarKernel.monteCarloHits(seed, first, count);
    }

    @Override
    public long mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                           double xMin, double xMax, double yMin, double yMax) {
        return ScalarKernel.mandelbrotIterations(width, height, rowBegin, rowEnd, maxIter, xMin, xMax, yMin, yMax);
    }
}
