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
                dotTwo(n, a, i * lda, lda, x, alpha, y, i);
            }
            for (; i < m; i++) {
                set(y, i, get(y, i) + alpha * VectorLevel1.dot(n, a, i * lda, x));
            }
        } else {
            for (; i + 4 <= m; i += 4) {
                axpyFour(n, alpha * get(x, i), alpha * get(x, i + 1), alpha * get(x, i + 2), alpha * get(x, i + 3),
                        a, i * lda, lda, y);
            }
            for (; i < m; i++) {
                VectorLevel1.axpy(n, alpha * get(x, i), a, i * lda, y);
            }
        }
    }

    /**
     * y[i] and y[i + 1] += alpha * (rows i and i + 1 of A, from {@code at}) . x:
     * two dot products in one loop sharing the loads of x, each row with the
     * same arithmetic as {@link VectorLevel1#dot}, so y[i] does not depend on
     * how rows are paired. Two rows, not four: C2 stops inlining vector loads
     * past about twenty in one method, and a load left as a call costs more
     * than it saves.
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
        double d0 = VectorLevel1.lanes(s00, s01, s02, s03);
        double d1 = VectorLevel1.lanes(s10, s11, s12, s13);
        for (; j < n; j++) {
            double xj = get(x, j);
            d0 = Math.fma(get(a, r0 + j), xj, d0);
            d1 = Math.fma(get(a, r1 + j), xj, d1);
        }
        set(y, i, get(y, i) + alpha * d0);
        set(y, i + 1, get(y, i + 1) + alpha * d1);
    }

    /**
     * y += t0 * row 0 + ... + t3 * row 3 of A from {@code at}: four
     * {@link VectorLevel1#axpy}s in one pass over y, the same four fused
     * multiply-adds per element in the same order, so y[j] does not depend on
     * how rows are grouped.
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
            set(y, j, v);
        }
    }
}
