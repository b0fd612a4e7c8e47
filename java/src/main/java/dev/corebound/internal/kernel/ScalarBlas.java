package dev.corebound.internal.kernel;

import dev.corebound.Backend;
import dev.corebound.Transpose;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * {@link Backend#JAVA_SCALAR}'s BLAS: plain Java loops, written for clarity.
 * It is the reference every other backend is tested against, so each
 * operation follows reference BLAS's order of arithmetic wherever that is
 * cheap to do.
 */
final class ScalarBlas implements DoubleBlas {

    /** gemm blocking: a KB x NB panel of op(B) (256 KiB) is packed once and stays in cache. */
    private static final int KB = 128;
    private static final int NB = 256;

    @Override
    public Backend backend() {
        return Backend.JAVA_SCALAR;
    }

    @Override
    public long maxDimension() {
        return Long.MAX_VALUE;
    }

    @Override
    public double ddot(long n, MemorySegment x, MemorySegment y) {
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += get(x, i) * get(y, i);
        }
        return s;
    }

    @Override
    public void daxpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        for (long i = 0; i < n; i++) {
            set(y, i, get(y, i) + alpha * get(x, i));
        }
    }

    @Override
    public void dscal(long n, double alpha, MemorySegment x) {
        for (long i = 0; i < n; i++) {
            set(x, i, alpha * get(x, i));
        }
    }

    @Override
    public double dasum(long n, MemorySegment x) {
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += Math.abs(get(x, i));
        }
        return s;
    }

    /**
     * Reference BLAS's scaled sum of squares: no intermediate overflows or
     * underflows. NaN anywhere gives NaN; otherwise an infinity gives +Inf
     * (the scaled update alone would turn two infinities into Inf/Inf = NaN).
     */
    @Override
    public double dnrm2(long n, MemorySegment x) {
        double scale = 0;
        double ssq = 1;
        boolean infinite = false;
        for (long i = 0; i < n; i++) {
            double v = get(x, i);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            if (Double.isInfinite(v)) {
                infinite = true;
            } else if (v != 0) {
                double a = Math.abs(v);
                if (scale < a) {
                    double r = scale / a;
                    ssq = 1 + ssq * r * r;
                    scale = a;
                } else {
                    double r = a / scale;
                    ssq += r * r;
                }
            }
        }
        return infinite ? Double.POSITIVE_INFINITY : scale * Math.sqrt(ssq);
    }

    @Override
    public long idamax(long n, MemorySegment x) {
        long best = 0;
        double max = Math.abs(get(x, 0));
        for (long i = 1; i < n; i++) {
            double a = Math.abs(get(x, i));
            if (a > max) {
                max = a;
                best = i;
            }
        }
        return best;
    }

    @Override
    public double dsum(long n, MemorySegment x) {
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += get(x, i);
        }
        return s;
    }

    @Override
    public void dgemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                      MemorySegment x, MemorySegment y) {
        if (!trans.transposed()) {
            for (long i = 0; i < m; i++) {
                double s = 0;
                for (long j = 0; j < n; j++) {
                    s += get(a, i * lda + j) * get(x, j);
                }
                set(y, i, get(y, i) + alpha * s);
            }
        } else {
            for (long i = 0; i < m; i++) {
                double t = alpha * get(x, i);
                for (long j = 0; j < n; j++) {
                    set(y, j, get(y, j) + t * get(a, i * lda + j));
                }
            }
        }
    }

    /**
     * Cache-blocked gemm: for each KB x NB panel of op(B), packed row-major into
     * a heap buffer so that the inner loop reads it contiguously whatever the
     * transpose, every row of C gets {@code C[i, j..] += (alpha * op(A)[i, p]) * panel[p, j..]}.
     * Each element of C sums its products in k order, as reference BLAS does.
     */
    @Override
    public void dgemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                      MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc) {
        // Sized to the product, not to the block: a whole KB x NB panel (256 KiB to zero) cost a 16 x 16 product 17 us.
        double[] panel = new double[(int) (Math.min(KB, k) * Math.min(NB, n))];
        for (long j0 = 0; j0 < n; j0 += NB) {
            int nb = (int) Math.min(NB, n - j0);
            for (long p0 = 0; p0 < k; p0 += KB) {
                int kb = (int) Math.min(KB, k - p0);
                for (int p = 0; p < kb; p++) {
                    for (int j = 0; j < nb; j++) {
                        panel[p * nb + j] = element(b, ldb, transB, p0 + p, j0 + j);
                    }
                }
                for (long i = 0; i < m; i++) {
                    MemorySegment row = c.asSlice((i * ldc + j0) * Double.BYTES, (long) nb * Double.BYTES);
                    for (int p = 0; p < kb; p++) {
                        addScaled(row, nb, alpha * element(a, lda, transA, i, p0 + p), panel, p * nb);
                    }
                }
            }
        }
    }

    /**
     * row[0..n) += t * panel[from..from + n). A method of its own so that the
     * JIT compiles it (and vectorises the loop) after a few calls, rather than
     * after the whole gemm has run many times.
     */
    private static void addScaled(MemorySegment row, int n, double t, double[] panel, int from) {
        for (int j = 0; j < n; j++) {
            row.setAtIndex(JAVA_DOUBLE, j, row.getAtIndex(JAVA_DOUBLE, j) + t * panel[from + j]);
        }
    }

    /** op(M)[row, col] of a row-major matrix with leading dimension ld. */
    private static double element(MemorySegment m, long ld, Transpose t, long row, long col) {
        return t.transposed() ? get(m, col * ld + row) : get(m, row * ld + col);
    }

    private static double get(MemorySegment s, long i) {
        return s.getAtIndex(JAVA_DOUBLE, i);
    }

    private static void set(MemorySegment s, long i, double v) {
        s.setAtIndex(JAVA_DOUBLE, i, v);
    }
}
