package dev.corebound.internal.kernel;

import dev.corebound.Transpose;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;

import static dev.corebound.internal.kernel.VectorWidth.get;
import static dev.corebound.internal.kernel.VectorWidth.load;
import static dev.corebound.internal.kernel.VectorWidth.set;
import static dev.corebound.internal.kernel.VectorWidth.store;

/**
 * JAVA_VECTOR's gemv. Without transpose it computes two rows' dot products at
 * a time, sharing the loads of x; with transpose it adds four scaled rows of A
 * into y at a time, sharing the loads and stores of y. Each element of y gets
 * the same arithmetic whichever rows or columns a call covers, as the parallel
 * layer requires: the same as {@link VectorLevel1#dot} and {@link VectorLevel1#axpy}.
 */
final class VectorGemv {

    private static final VectorSpecies<Double> S = VectorWidth.SPECIES;
    private static final int L = VectorWidth.LANES;

    private VectorGemv() {
    }

    /** y += alpha * op(A) * x. */
    static void gemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                     MemorySegment x, MemorySegment y) {
        long i = 0;
        if (!trans.transposed()) {
            for (; i + 2 <= m; i += 2) {
                dotTwo(n, row(a, i, lda, n), row(a, i + 1, lda, n), x, alpha, y, i);
            }
            for (; i < m; i++) {
                set(y, i, get(y, i) + alpha * VectorLevel1.dot(n, row(a, i, lda, n), x));
            }
        } else {
            for (; i + 4 <= m; i += 4) {
                axpyFour(n, alpha * get(x, i), alpha * get(x, i + 1), alpha * get(x, i + 2), alpha * get(x, i + 3),
                        row(a, i, lda, n), row(a, i + 1, lda, n), row(a, i + 2, lda, n), row(a, i + 3, lda, n), y);
            }
            for (; i < m; i++) {
                VectorLevel1.axpy(n, alpha * get(x, i), row(a, i, lda, n), y);
            }
        }
    }

    /** Row i of A, n doubles. */
    private static MemorySegment row(MemorySegment a, long i, long lda, long n) {
        return VectorLevel1.slice(a, i * lda, n);
    }

    /**
     * y[i] and y[i + 1] += alpha * (rows r0 and r1) . x: two dot products in
     * one loop sharing the loads of x, each row with the same arithmetic as
     * {@link VectorLevel1#dot}, so y[i] does not depend on how rows are paired.
     * Two rows, not four: C2 stops inlining vector loads past about twenty in
     * one method, and a load left as a call costs more than it saves.
     */
    private static void dotTwo(long n, MemorySegment r0, MemorySegment r1, MemorySegment x,
                               double alpha, MemorySegment y, long i) {
        DoubleVector s00 = DoubleVector.zero(S), s01 = s00, s02 = s00, s03 = s00;
        DoubleVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        for (long from = 0; from < n; from += VectorLevel1.CHUNK) {
            int len = VectorLevel1.chunk(n, from);
            MemorySegment a0 = VectorLevel1.slice(r0, from, len);
            MemorySegment a1 = VectorLevel1.slice(r1, from, len);
            MemorySegment xs = VectorLevel1.slice(x, from, len);
            int half = VectorLevel1.half(len);
            for (int j = 0; j < half; j += 2 * L) {
                int k = half + j;
                DoubleVector x0 = load(xs, j), x1 = load(xs, j + L), x2 = load(xs, k), x3 = load(xs, k + L);
                s00 = load(a0, j).fma(x0, s00);
                s01 = load(a0, j + L).fma(x1, s01);
                s02 = load(a0, k).fma(x2, s02);
                s03 = load(a0, k + L).fma(x3, s03);
                s10 = load(a1, j).fma(x0, s10);
                s11 = load(a1, j + L).fma(x1, s11);
                s12 = load(a1, k).fma(x2, s12);
                s13 = load(a1, k + L).fma(x3, s13);
            }
            for (int v = 2 * half / L; v < len / L; v++) {
                DoubleVector x0 = load(xs, v * L);
                s00 = load(a0, v * L).fma(x0, s00);
                s10 = load(a1, v * L).fma(x0, s10);
            }
        }
        double d0 = VectorLevel1.lanes(s00, s01, s02, s03);
        double d1 = VectorLevel1.lanes(s10, s11, s12, s13);
        for (long j = n - n % L; j < n; j++) {
            double xj = get(x, j);
            d0 = Math.fma(get(r0, j), xj, d0);
            d1 = Math.fma(get(r1, j), xj, d1);
        }
        set(y, i, get(y, i) + alpha * d0);
        set(y, i + 1, get(y, i + 1) + alpha * d1);
    }

    /**
     * y += t0 * r0 + ... + t3 * r3: four {@link VectorLevel1#axpy}s in one pass
     * over y, the same four fused multiply-adds per element in the same order,
     * so y[j] does not depend on how rows are grouped.
     */
    private static void axpyFour(long n, double t0, double t1, double t2, double t3, MemorySegment r0,
                                 MemorySegment r1, MemorySegment r2, MemorySegment r3, MemorySegment y) {
        DoubleVector vt0 = DoubleVector.broadcast(S, t0), vt1 = DoubleVector.broadcast(S, t1);
        DoubleVector vt2 = DoubleVector.broadcast(S, t2), vt3 = DoubleVector.broadcast(S, t3);
        for (long from = 0; from < n; from += VectorLevel1.CHUNK) {
            int len = VectorLevel1.chunk(n, from);
            MemorySegment a0 = VectorLevel1.slice(r0, from, len);
            MemorySegment a1 = VectorLevel1.slice(r1, from, len);
            MemorySegment a2 = VectorLevel1.slice(r2, from, len);
            MemorySegment a3 = VectorLevel1.slice(r3, from, len);
            MemorySegment ys = VectorLevel1.slice(y, from, len);
            for (int v = 0; v < len / L; v++) {
                int j = v * L;
                DoubleVector sum = load(ys, j);
                sum = load(a0, j).fma(vt0, sum);
                sum = load(a1, j).fma(vt1, sum);
                sum = load(a2, j).fma(vt2, sum);
                sum = load(a3, j).fma(vt3, sum);
                store(sum, ys, j);
            }
        }
        for (long j = n - n % L; j < n; j++) {
            double v = get(y, j);
            v = Math.fma(get(r0, j), t0, v);
            v = Math.fma(get(r1, j), t1, v);
            v = Math.fma(get(r2, j), t2, v);
            v = Math.fma(get(r3, j), t3, v);
            set(y, j, v);
        }
    }
}
