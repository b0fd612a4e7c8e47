package dev.corebound.kernels;

import dev.corebound.Backend;
import dev.corebound.Transpose;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * {@link Backend#JAVA_SCALAR}: plain Java loops, written for clarity. It is the
 * reference every other backend is tested against, so each operation follows
 * reference BLAS's order of arithmetic wherever that is cheap to do.
 */
public final class ScalarKernel implements Kernel {

    /** gemm blocking: a KB x NB panel of op(B) (256 KiB) is packed once and stays in cache. */
    private static final int KB = 128;
    private static final int NB = 256;

    @Override
    public Backend backend() {
        return Backend.JAVA_SCALAR;
    }

    @Override
    public String description() {
        return "plain Java loops";
    }

    @Override
    public double dot(long n, MemorySegment x, MemorySegment y) {
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += get(x, i) * get(y, i);
        }
        return s;
    }

    @Override
    public void axpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        if (alpha == 0) {
            return; // reference BLAS returns early: NaN in x does not reach y
        }
        for (long i = 0; i < n; i++) {
            set(y, i, get(y, i) + alpha * get(x, i));
        }
    }

    @Override
    public void scal(long n, double alpha, MemorySegment x) {
        for (long i = 0; i < n; i++) {
            set(x, i, alpha * get(x, i));
        }
    }

    @Override
    public double asum(long n, MemorySegment x) {
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
    public double nrm2(long n, MemorySegment x) {
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
    public long iamax(long n, MemorySegment x) {
        if (n == 0) {
            return -1;
        }
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
    public double sum(long n, MemorySegment x) {
        double s = 0;
        for (long i = 0; i < n; i++) {
            s += get(x, i);
        }
        return s;
    }

    @Override
    public void gemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                     MemorySegment x, double beta, MemorySegment y) {
        if (m == 0 || n == 0) {
            return; // reference BLAS's quick return: y is not even scaled by beta
        }
        long leny = trans.transposed() ? n : m;
        scaleOutput(leny, beta, y);
        if (alpha == 0) {
            return;
        }
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

    /** C = beta * C for an m x n matrix, with the beta rules of {@link #scaleOutput}. */
    static void scaleMatrix(long m, long n, double beta, MemorySegment c, long ldc) {
        if (n == 0) {
            return;
        }
        for (long i = 0; i < m; i++) {
            scaleOutput(n, beta, c.asSlice(i * ldc * Double.BYTES, n * Double.BYTES));
        }
    }

    /** y = beta * y, where beta == 0 writes zeros without reading y (so NaN in y does not survive). */
    private static void scaleOutput(long n, double beta, MemorySegment y) {
        if (beta == 1) {
            return;
        }
        for (long i = 0; i < n; i++) {
            set(y, i, beta == 0 ? 0.0 : beta * get(y, i));
        }
    }

    /**
     * Cache-blocked gemm: for each KB x NB panel of op(B), packed row-major into
     * a heap buffer so that the inner loop reads it contiguously whatever the
     * transpose, every row of C gets {@code C[i, j..] += (alpha * op(A)[i, p]) * panel[p, j..]}.
     * Each element of C sums its products in k order, as reference BLAS does.
     */
    @Override
    public void gemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                     MemorySegment a, long lda, MemorySegment b, long ldb, double beta, MemorySegment c, long ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        scaleMatrix(m, n, beta, c, ldc);
        if (alpha == 0 || k == 0) {
            return;
        }
        double[] panel = new double[KB * NB];
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

    @Override
    public long monteCarloPi(long seed, long first, long count) {
        return monteCarloHits(seed, first, count);
    }

    @Override
    public long mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                           double xMin, double xMax, double yMin, double yMax) {
        return mandelbrotIterations(width, height, rowBegin, rowEnd, maxIter, xMin, xMax, yMin, yMax);
    }

    /** The Java Monte Carlo loop, shared by the Java backends. */
    static long monteCarloHits(long seed, long first, long count) {
        long hits = 0;
        for (long i = first; i < first + count; i++) {
            double x = unitDraw(seed, 2 * i);
            double y = unitDraw(seed, 2 * i + 1);
            if (x * x + y * y <= 1.0) {
                hits++;
            }
        }
        return hits;
    }

    /** Draw j of SplitMix64's finaliser as a double in [0, 1) with 53 random bits. */
    private static double unitDraw(long seed, long j) {
        long z = seed + (j + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The Java Mandelbrot loop, shared by the Java backends; the same IEEE operations as the C one. */
    static long mandelbrotIterations(long width, long height, long rowBegin, long rowEnd, int maxIter,
                                     double xMin, double xMax, double yMin, double yMax) {
        double dx = (xMax - xMin) / width;
        double dy = (yMax - yMin) / height;
        long total = 0;
        for (long row = rowBegin; row < rowEnd; row++) {
            double ci = yMin + row * dy;
            for (long col = 0; col < width; col++) {
                double cr = xMin + col * dx;
                double zr = 0;
                double zi = 0;
                int it = 0;
                while (it < maxIter) {
                    double zr2 = zr * zr;
                    double zi2 = zi * zi;
                    if (zr2 + zi2 > 4.0) {
                        break;
                    }
                    zi = 2.0 * zr * zi + ci;
                    zr = zr2 - zi2 + cr;
                    it++;
                }
                total += it;
            }
        }
        return total;
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
