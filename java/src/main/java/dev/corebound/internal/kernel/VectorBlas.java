package dev.corebound.internal.kernel;

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
 * {@link Backend#JAVA_VECTOR}'s BLAS: the Vector API on the CPU's preferred vector
 * width (8 doubles with AVX-512, 4 with AVX2, 2 with NEON).
 *
 * <p><b>Level 1.</b> Loops run whole vectors and finish the last few
 * elements with scalar code, not masked vectors: C2 often leaves a masked
 * access in a cold tail as a call, which boxes the vectors and costs more
 * than the scalar loop. Element-wise tails use {@link Math#fma} where the
 * vector lanes fuse, so every element gets the same arithmetic wherever it
 * sits (the parallel layer cuts vectors anywhere). Reductions keep four
 * independent vector accumulators, so that additions overlap instead of
 * waiting on each other, and add them up in a fixed order ({@code lanes}):
 * a result depends on n alone. nrm2 sums plain squares in one pass and only
 * when that sum overflowed or is too small to trust does it rescale by a
 * power of two.
 *
 * <p><b>gemv</b> without transpose computes two rows' dot products at a time,
 * sharing the loads of x; with transpose it adds four scaled rows of A into
 * y at a time, sharing the loads and stores of y. Each element of y gets the
 * same arithmetic whichever rows or columns a call covers, as the parallel
 * layer requires.
 *
 * <p><b>gemm</b> follows BLIS/GotoBLAS: for each KC-deep slice of the inner
 * dimension, a KC x NC panel of op(B) is packed into micro-panels of
 * {@code NR} columns and an MC x KC block of op(A) into micro-panels of
 * {@code MR} rows, both zero-padded to whole tiles, so that packing absorbs
 * the transposes and edges and the microkernel has a single shape. The
 * microkernel keeps an MR x NR tile of C in vector registers over the KC
 * slice, broadcasting elements of A against vectors of B with fused
 * multiply-adds; the tile is then scaled by alpha and added to C. The blocking
 * depends on k and n only, never on m or on where the rows of C start, so a
 * row block of C computed alone has the same bits as in the whole product.
 *
 * <p>Loaded only when the {@code jdk.incubator.vector} module is present (see {@link Kernels}).
 * Instances hold no state, so one kernel serves any number of threads.
 */
final class VectorBlas implements DoubleBlas {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    /**
     * Microkernel tile: 6 rows x 2 vectors. 12 accumulators, 2 vectors of B and
     * a broadcast of A take 15 registers, which fits AVX2's 16 as well as
     * AVX-512's 32; on AVX-512, 8 x 2, 6 x 3 and 8 x 3 tiles measured slower.
     */
    private static final int MR = 6;
    private static final int NR = 2 * L;
    /** Depth of a slice: the KC x NR micro-panel of B (32 KiB at 8 doubles) stays in L1 while A streams past it. */
    private static final int KC = 256;
    /** Rows of op(A) packed at once: the MC x KC block (192 KiB) stays in L2. */
    private static final int MC = 96;
    /** Columns of op(B) packed at once: the KC x NC panel (4 MiB) stays in L3. */
    private static final int NC = 2048;
    /** A sum of squares at least this large cannot have lost anything that matters to underflow (see {@link #nrm2}). */
    private static final double TRUSTED_SUM_OF_SQUARES = 0x1p-600;

    @Override
    public Backend backend() {
        return Backend.JAVA_VECTOR;
    }

    @Override
    public long maxDimension() {
        return Long.MAX_VALUE;
    }

    /** "Vector API, 512-bit species (8 doubles)". */
    static String description() {
        return "Vector API, " + S.vectorBitSize() + "-bit species (" + L + " doubles)";
    }

    // ---------------------------------------------------------------- level 1
    // Each reduction spells out its own loop: passing the per-element step as a
    // lambda would keep C2 from compiling the vectors into registers.

    @Override
    public double ddot(long n, MemorySegment x, MemorySegment y) {
        return dot(n, x, 0, y);
    }

    /** x[xAt ..] . y[0 ..]; {@link #dotTwo} repeats this arithmetic exactly. */
    private static double dot(long n, MemorySegment x, long xAt, MemorySegment y) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        long i = 0;
        for (; i + 4L * L <= n; i += 4L * L) {
            a0 = load(x, xAt + i).fma(load(y, i), a0);
            a1 = load(x, xAt + i + L).fma(load(y, i + L), a1);
            a2 = load(x, xAt + i + 2L * L).fma(load(y, i + 2L * L), a2);
            a3 = load(x, xAt + i + 3L * L).fma(load(y, i + 3L * L), a3);
        }
        for (; i + L <= n; i += L) {
            a0 = load(x, xAt + i).fma(load(y, i), a0);
        }
        double s = lanes(a0, a1, a2, a3);
        for (; i < n; i++) {
            s = Math.fma(get(x, xAt + i), get(y, i), s);
        }
        return s;
    }

    @Override
    public void daxpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        axpy(n, alpha, x, 0, y);
    }

    /** y[0 ..] += t * x[xAt ..], one fused multiply-add per element; {@link #axpyFour} repeats it. */
    private static void axpy(long n, double t, MemorySegment x, long xAt, MemorySegment y) {
        DoubleVector vt = DoubleVector.broadcast(S, t);
        long i = 0;
        for (; i + L <= n; i += L) {
            store(load(x, xAt + i).fma(vt, load(y, i)), y, i);
        }
        for (; i < n; i++) {
            y.setAtIndex(JAVA_DOUBLE, i, Math.fma(get(x, xAt + i), t, get(y, i)));
        }
    }

    /** Always a multiplication, so NaN * 0 stays NaN. */
    @Override
    public void dscal(long n, double alpha, MemorySegment x) {
        long i = 0;
        for (; i + L <= n; i += L) {
            store(load(x, i).mul(alpha), x, i);
        }
        for (; i < n; i++) {
            x.setAtIndex(JAVA_DOUBLE, i, alpha * get(x, i));
        }
    }

    @Override
    public double dasum(long n, MemorySegment x) {
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
    public double dsum(long n, MemorySegment x) {
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
     * One pass of plain squares, which is accurate whenever the sum is finite
     * and at least {@link #TRUSTED_SUM_OF_SQUARES}: no partial sum overflowed
     * (the terms are not negative), and each step taken below the normal range
     * rounded off at most 2^-1075, nothing next to the sum. Otherwise (overflow to infinity, or a sum that tiny or zero) the
     * elements are scaled by 2^-e, e the exponent of the largest magnitude, an
     * exact power of two that brings it into [1, 2) (subnormals a little
     * below), and the result is scaled back. NaN anywhere makes the first sum
     * NaN; an infinite element makes the largest magnitude infinite.
     */
    @Override
    public double dnrm2(long n, MemorySegment x) {
        double s = sumOfSquares(n, x, 1.0);
        if (Double.isNaN(s) || (s >= TRUSTED_SUM_OF_SQUARES && s < Double.POSITIVE_INFINITY)) {
            return Math.sqrt(s);
        }
        double amax = maxAbs(n, x);
        if (amax == 0 || amax == Double.POSITIVE_INFINITY) {
            return amax;
        }
        int e = Math.getExponent(amax);
        return Math.scalb(Math.sqrt(sumOfSquares(n, x, Math.scalb(1.0, -e))), e);
    }

    /** The sum of (scale * x[i])^2. */
    private static double sumOfSquares(long n, MemorySegment x, double scale) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        long i = 0;
        for (; i + 4L * L <= n; i += 4L * L) {
            DoubleVector v0 = load(x, i).mul(scale);
            DoubleVector v1 = load(x, i + L).mul(scale);
            DoubleVector v2 = load(x, i + 2L * L).mul(scale);
            DoubleVector v3 = load(x, i + 3L * L).mul(scale);
            a0 = v0.fma(v0, a0);
            a1 = v1.fma(v1, a1);
            a2 = v2.fma(v2, a2);
            a3 = v3.fma(v3, a3);
        }
        for (; i + L <= n; i += L) {
            DoubleVector v = load(x, i).mul(scale);
            a0 = v.fma(v, a0);
        }
        double s = lanes(a0, a1, a2, a3);
        for (; i < n; i++) {
            double v = get(x, i) * scale;
            s = Math.fma(v, v, s);
        }
        return s;
    }

    /** max |x[i]|, or 0 for n == 0, with four running maxima so that comparisons overlap. */
    private static double maxAbs(long n, MemorySegment x) {
        DoubleVector m0 = DoubleVector.zero(S), m1 = m0, m2 = m0, m3 = m0;
        long i = 0;
        for (; i + 4L * L <= n; i += 4L * L) {
            m0 = max(m0, load(x, i).abs());
            m1 = max(m1, load(x, i + L).abs());
            m2 = max(m2, load(x, i + 2L * L).abs());
            m3 = max(m3, load(x, i + 3L * L).abs());
        }
        for (; i + L <= n; i += L) {
            m0 = max(m0, load(x, i).abs());
        }
        double m = max(max(m0, m1), max(m2, m3)).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            m = Math.max(m, Math.abs(get(x, i)));
        }
        return m;
    }

    /**
     * Lane-wise maximum by compare and blend: DoubleVector.max, which must
     * follow Math.max for NaN and -0.0, measured twice as slow here.
     */
    private static DoubleVector max(DoubleVector a, DoubleVector b) {
        return a.blend(b, b.compare(VectorOperators.GT, a));
    }

    /** Two passes: the largest magnitude, then the first index that has it. */
    @Override
    public long idamax(long n, MemorySegment x) {
        double largest = maxAbs(n, x);
        DoubleVector target = DoubleVector.broadcast(S, largest);
        long i = 0;
        for (; i + L <= n; i += L) {
            VectorMask<Double> hit = load(x, i).abs().compare(VectorOperators.EQ, target);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        for (; i < n; i++) {
            if (Math.abs(get(x, i)) == largest) {
                return i;
            }
        }
        return 0; // only when NaN hid the maximum, which BLAS leaves undefined
    }

    /** The lanes of (a0 + a1) + (a2 + a3), added first to last: the same bits for the same input. */
    private static double lanes(DoubleVector a0, DoubleVector a1, DoubleVector a2, DoubleVector a3) {
        // Lane by lane with constant indices, which C2 turns into register moves: toArray() allocates an array
        // on every call, and lane(i) with a loop index measured up to 500 times slower once C2 recompiled it.
        DoubleVector v = a0.add(a1).add(a2.add(a3));
        double s = v.lane(0) + v.lane(1);
        if (L > 2) {
            s = s + v.lane(2) + v.lane(3);
        }
        if (L > 4) {
            s = s + v.lane(4) + v.lane(5) + v.lane(6) + v.lane(7);
        }
        for (int i = 8; i < L; i++) { // species wider than AVX-512's (SVE)
            s += v.lane(i);
        }
        return s;
    }

    // ---------------------------------------------------------------- gemv

    @Override
    public void dgemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                      MemorySegment x, MemorySegment y) {
        long i = 0;
        if (!trans.transposed()) {
            for (; i + 2 <= m; i += 2) {
                dotTwo(n, a, i * lda, lda, x, alpha, y, i);
            }
            for (; i < m; i++) {
                addTo(y, i, alpha * dot(n, a, i * lda, x));
            }
        } else {
            for (; i + 4 <= m; i += 4) {
                axpyFour(n, alpha * get(x, i), alpha * get(x, i + 1), alpha * get(x, i + 2), alpha * get(x, i + 3),
                        a, i * lda, lda, y);
            }
            for (; i < m; i++) {
                axpy(n, alpha * get(x, i), a, i * lda, y);
            }
        }
    }

    /**
     * y[i] and y[i + 1] += alpha * (rows i and i + 1 of A, from {@code at}) . x:
     * two {@link #dot}s in one loop sharing the loads of x, each row with the
     * same arithmetic as dot, so y[i] does not depend on how rows are paired.
     * Two rows, not four: C2 stops inlining vector loads past about twenty in
     * one method, and a load left as a call costs more than it saves.
     */
    private static void dotTwo(long n, MemorySegment a, long at, long lda, MemorySegment x,
                               double alpha, MemorySegment y, long i) {
        long r0 = at, r1 = at + lda;
        DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s02 = s00, s03 = s00;
        DoubleVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        long j = 0;
        for (; j + 4L * L <= n; j += 4L * L) {
            DoubleVector x0 = load(x, j), x1 = load(x, j + L), x2 = load(x, j + 2L * L), x3 = load(x, j + 3L * L);
            s00 = load(a, r0 + j).fma(x0, s00);
            s01 = load(a, r0 + j + L).fma(x1, s01);
            s02 = load(a, r0 + j + 2L * L).fma(x2, s02);
            s03 = load(a, r0 + j + 3L * L).fma(x3, s03);
            s10 = load(a, r1 + j).fma(x0, s10);
            s11 = load(a, r1 + j + L).fma(x1, s11);
            s12 = load(a, r1 + j + 2L * L).fma(x2, s12);
            s13 = load(a, r1 + j + 3L * L).fma(x3, s13);
        }
        for (; j + L <= n; j += L) {
            DoubleVector x0 = load(x, j);
            s00 = load(a, r0 + j).fma(x0, s00);
            s10 = load(a, r1 + j).fma(x0, s10);
        }
        double d0 = lanes(s00, s01, s02, s03);
        double d1 = lanes(s10, s11, s12, s13);
        for (; j < n; j++) {
            double xj = get(x, j);
            d0 = Math.fma(get(a, r0 + j), xj, d0);
            d1 = Math.fma(get(a, r1 + j), xj, d1);
        }
        addTo(y, i, alpha * d0);
        addTo(y, i + 1, alpha * d1);
    }

    /**
     * y += t0 * row 0 + ... + t3 * row 3 of A from {@code at}: four
     * {@link #axpy}s in one pass over y, the same four fused multiply-adds per
     * element in the same order, so y[j] does not depend on how rows are grouped.
     */
    private static void axpyFour(long n, double t0, double t1, double t2, double t3,
                                 MemorySegment a, long at, long lda, MemorySegment y) {
        long r0 = at, r1 = at + lda, r2 = at + 2 * lda, r3 = at + 3 * lda;
        DoubleVector vt0 = DoubleVector.broadcast(S, t0), vt1 = DoubleVector.broadcast(S, t1);
        DoubleVector vt2 = DoubleVector.broadcast(S, t2), vt3 = DoubleVector.broadcast(S, t3);
        long j = 0;
        for (; j + L <= n; j += L) {
            DoubleVector v = load(y, j);
            v = load(a, r0 + j).fma(vt0, v);
            v = load(a, r1 + j).fma(vt1, v);
            v = load(a, r2 + j).fma(vt2, v);
            v = load(a, r3 + j).fma(vt3, v);
            store(v, y, j);
        }
        for (; j < n; j++) {
            double v = get(y, j);
            v = Math.fma(get(a, r0 + j), t0, v);
            v = Math.fma(get(a, r1 + j), t1, v);
            v = Math.fma(get(a, r2 + j), t2, v);
            v = Math.fma(get(a, r3 + j), t3, v);
            y.setAtIndex(JAVA_DOUBLE, j, v);
        }
    }

    // ---------------------------------------------------------------- gemm

    @Override
    public void dgemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                      MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc) {
        int kcMax = (int) Math.min(KC, k);
        Buffers buffers = Buffers.take(kcMax * (int) roundUp(Math.min(MC, m), MR),
                kcMax * (int) roundUp(Math.min(NC, n), NR));
        try {
            for (long j0 = 0; j0 < n; j0 += NC) {
                int nc = (int) Math.min(NC, n - j0);
                for (long p0 = 0; p0 < k; p0 += KC) {
                    int kc = (int) Math.min(KC, k - p0);
                    pack(b, ldb, !transB.transposed(), j0, nc, p0, kc, NR, buffers.b, buffers.row);
                    for (long i0 = 0; i0 < m; i0 += MC) {
                        int mc = (int) Math.min(MC, m - i0);
                        pack(a, lda, transA.transposed(), i0, mc, p0, kc, MR, buffers.a, buffers.row);
                        macroKernel(mc, nc, kc, alpha, buffers, c, i0 * ldc + j0, ldc);
                    }
                }
            }
        } finally {
            buffers.give();
        }
    }

    /**
     * Packing buffers, handed from call to call: allocating them afresh made
     * a 256 x 1024 x 1024 product (the parallel layer's slice) 2.5 times
     * slower, from garbage collection of the multi-MiB B panels, and small
     * products about twice as slow. A pool rather than a ThreadLocal so that
     * virtual threads, one per slice, reuse buffers too. A buffer belongs to
     * one call from {@link #take} to {@link #give}, so calls never share one.
     */
    private static final class Buffers {
        private static final ConcurrentLinkedQueue<Buffers> POOL = new ConcurrentLinkedQueue<>();

        /** Packed op(A) block: MR-row micro-panels, column-major within. */
        final double[] a;
        /** Packed op(B) panel: NR-column micro-panels, row-major within. */
        final double[] b;
        /** One MR x NR tile of sums from the microkernel. */
        final double[] tile = new double[MR * NR];
        /** One stored row of A or B on its way into micro-panels. */
        final double[] row = new double[Math.max(KC, Math.max(MC, NC))];

        private Buffers(int aSize, int bSize) {
            a = new double[aSize];
            b = new double[bSize];
        }

        /** Buffers with room for aSize and bSize doubles, from the pool when one is big enough. */
        static Buffers take(int aSize, int bSize) {
            Buffers pooled = POOL.poll();
            if (pooled == null) {
                return new Buffers(aSize, bSize);
            }
            if (pooled.a.length >= aSize && pooled.b.length >= bSize) {
                return pooled;
            }
            return new Buffers(Math.max(aSize, pooled.a.length), Math.max(bSize, pooled.b.length));
        }

        void give() {
            POOL.offer(this);
        }
    }

    private static long roundUp(long v, int multiple) {
        return (v + multiple - 1) / multiple * multiple;
    }

    /**
     * Packs kc depth steps of {@code lanes} lanes of op(X) into micro-panels
     * of w lanes, zero-padded to whole panels:
     * dst[(l - l % w) * kc + p * w + l % w] = op(X) element of lane l at depth p.
     * A lane is a row of op(A) or a column of op(B), and depth runs along k.
     * Memory is read a stored row at a time with bulk copies: when the lanes
     * are contiguous (A transposed, B as stored), a stored row holds one depth
     * step of every lane and is cut into panel rows; otherwise a stored row is
     * one lane and is spread down its panel.
     */
    private static void pack(MemorySegment x, long ld, boolean lanesContiguous, long lane0, int lanes,
                             long depth0, int kc, int w, double[] dst, double[] row) {
        if (lanesContiguous) {
            for (int p = 0; p < kc; p++) {
                MemorySegment.copy(x, JAVA_DOUBLE, ((depth0 + p) * ld + lane0) * Double.BYTES, row, 0, lanes);
                for (int l = 0; l < lanes; l += w) {
                    System.arraycopy(row, l, dst, l * kc + p * w, Math.min(w, lanes - l));
                }
            }
        } else {
            for (int l = 0; l < lanes; l++) {
                MemorySegment.copy(x, JAVA_DOUBLE, ((lane0 + l) * ld + depth0) * Double.BYTES, row, 0, kc);
                int at = (l - l % w) * kc + l % w;
                for (int p = 0; p < kc; p++) {
                    dst[at + p * w] = row[p];
                }
            }
        }
        int used = lanes % w;
        if (used != 0) {
            int last = (lanes - used) * kc;
            for (int p = 0; p < kc; p++) {
                Arrays.fill(dst, last + p * w + used, last + (p + 1) * w, 0.0);
            }
        }
    }

    /**
     * The C block at {@code cAt} += alpha * packed A block * packed B panel,
     * tile by tile. Each B micro-panel stays in L1 while every A micro-panel
     * of the block passes it.
     */
    private static void macroKernel(int mc, int nc, int kc, double alpha, Buffers buffers,
                                    MemorySegment c, long cAt, long ldc) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                microKernel(kc, buffers.a, ir * kc, buffers.b, jr * kc, buffers.tile);
                addTile(buffers.tile, Math.min(MR, mc - ir), cols, alpha, c, cAt + ir * ldc + jr, ldc);
            }
        }
    }

    /**
     * tile = A micro-panel * B micro-panel over kc steps. The twelve
     * accumulators are locals, not an array, and the method is small, so
     * that C2 keeps them in registers and inlines every vector operation.
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

    /**
     * C[i, j] += alpha * tile[i, j] for the rows x cols part of the tile that
     * lies inside C, fused like the vector lanes in the scalar tail too, so a
     * column gets the same arithmetic wherever the edge of C falls.
     */
    private static void addTile(double[] tile, int rows, int cols, double alpha, MemorySegment c, long at, long ldc) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        for (int i = 0; i < rows; i++) {
            long row = at + i * ldc;
            int j = 0;
            for (; j + L <= cols; j += L) {
                store(DoubleVector.fromArray(S, tile, i * NR + j).fma(va, load(c, row + j)), c, row + j);
            }
            for (; j < cols; j++) {
                c.setAtIndex(JAVA_DOUBLE, row + j, Math.fma(tile[i * NR + j], alpha, get(c, row + j)));
            }
        }
    }

    // ---------------------------------------------------------------- memory access

    private static DoubleVector load(MemorySegment s, long index) {
        return DoubleVector.fromMemorySegment(S, s, index * Double.BYTES, ORDER);
    }

    private static void store(DoubleVector v, MemorySegment s, long index) {
        v.intoMemorySegment(s, index * Double.BYTES, ORDER);
    }

    private static double get(MemorySegment s, long index) {
        return s.getAtIndex(JAVA_DOUBLE, index);
    }

    private static void addTo(MemorySegment y, long index, double v) {
        y.setAtIndex(JAVA_DOUBLE, index, get(y, index) + v);
    }
}
