package dev.corebound.internal.kernel;

import dev.corebound.Backend;
import dev.corebound.Transpose;
import dev.corebound.internal.loader.OpenBlasLibrary;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@link Backend#OPENBLAS}: OpenBLAS's CBLAS through the FFM API, row-major,
 * on the same memory as every other backend. Short calls and calls on heap
 * arrays take the critical path (see {@link Downcalls}). CBLAS takes 32-bit
 * sizes, so {@link #maxDimension()} limits them.
 */
final class OpenBlasBlas implements DoubleBlas {

    private static final MethodHandle DDOT = Downcalls.critical(openblas_h.cblas_ddot$address(), openblas_h.cblas_ddot$descriptor());
    private static final MethodHandle DAXPY = Downcalls.critical(openblas_h.cblas_daxpy$address(), openblas_h.cblas_daxpy$descriptor());
    private static final MethodHandle DSCAL = Downcalls.critical(openblas_h.cblas_dscal$address(), openblas_h.cblas_dscal$descriptor());
    private static final MethodHandle DASUM = Downcalls.critical(openblas_h.cblas_dasum$address(), openblas_h.cblas_dasum$descriptor());
    private static final MethodHandle DNRM2 = Downcalls.critical(openblas_h.cblas_dnrm2$address(), openblas_h.cblas_dnrm2$descriptor());
    private static final MethodHandle IDAMAX = Downcalls.critical(openblas_h.cblas_idamax$address(), openblas_h.cblas_idamax$descriptor());
    private static final MethodHandle DSUM = Downcalls.critical(openblas_h.cblas_dsum$address(), openblas_h.cblas_dsum$descriptor());
    private static final MethodHandle DGEMV = Downcalls.critical(openblas_h.cblas_dgemv$address(), openblas_h.cblas_dgemv$descriptor());
    private static final MethodHandle DGEMM = Downcalls.critical(openblas_h.cblas_dgemm$address(), openblas_h.cblas_dgemm$descriptor());
    private static final int ROW_MAJOR = openblas_h.CblasRowMajor();
    private static final Downcalls DOWNCALLS = Downcalls.CRITICAL_WHEN_SHORT;

    private final int threads;

    /** OpenBLAS using {@code threads} threads of its own inside each call (1: one kernel among many workers). */
    OpenBlasBlas(int threads) {
        OpenBlasLibrary.lookup(); // fail here, with the loader's reason, rather than in a class initialiser
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but is " + threads);
        }
        this.threads = threads;
    }

    @Override
    public Backend backend() {
        return Backend.OPENBLAS;
    }

    @Override
    public long maxDimension() {
        return Integer.MAX_VALUE;
    }

    private static int flag(Transpose t) {
        return t.transposed() ? openblas_h.CblasTrans() : openblas_h.CblasNoTrans();
    }

    @Override
    public double ddot(long n, MemorySegment x, MemorySegment y) {
        OpenBlasThreads.use(threads);
        if (!DOWNCALLS.level1(n, x, y)) {
            return openblas_h.cblas_ddot((int) n, x, 1, y, 1);
        }
        try {
            return (double) DDOT.invokeExact((int) n, x, 1, y, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public void daxpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        OpenBlasThreads.use(threads);
        if (!DOWNCALLS.level1(n, x, y)) {
            openblas_h.cblas_daxpy((int) n, alpha, x, 1, y, 1);
            return;
        }
        try {
            DAXPY.invokeExact((int) n, alpha, x, 1, y, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public void dscal(long n, double alpha, MemorySegment x) {
        OpenBlasThreads.use(threads);
        if (!DOWNCALLS.level1(n, x)) {
            openblas_h.cblas_dscal((int) n, alpha, x, 1);
            return;
        }
        try {
            DSCAL.invokeExact((int) n, alpha, x, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public double dasum(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        if (!DOWNCALLS.level1(n, x)) {
            return openblas_h.cblas_dasum((int) n, x, 1);
        }
        try {
            return (double) DASUM.invokeExact((int) n, x, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public double dnrm2(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        if (!DOWNCALLS.level1(n, x)) {
            return openblas_h.cblas_dnrm2((int) n, x, 1);
        }
        try {
            return (double) DNRM2.invokeExact((int) n, x, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    /** CBLAS's idamax is 0-based already. */
    @Override
    public long idamax(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        if (!DOWNCALLS.level1(n, x)) {
            return openblas_h.cblas_idamax((int) n, x, 1);
        }
        try {
            return (long) IDAMAX.invokeExact((int) n, x, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    /** OpenBLAS's own extension, cblas_dsum (the plain sum, not the sum of magnitudes). */
    @Override
    public double dsum(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        if (!DOWNCALLS.level1(n, x)) {
            return openblas_h.cblas_dsum((int) n, x, 1);
        }
        try {
            return (double) DSUM.invokeExact((int) n, x, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    /** beta is 1: the checking layer has scaled y already. */
    @Override
    public void dgemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                      MemorySegment x, MemorySegment y) {
        OpenBlasThreads.use(threads);
        int t = flag(trans);
        if (!DOWNCALLS.product(m * n, a, x, y)) {
            openblas_h.cblas_dgemv(ROW_MAJOR, t, (int) m, (int) n, alpha, a, (int) lda, x, 1, 1.0, y, 1);
            return;
        }
        try {
            DGEMV.invokeExact(ROW_MAJOR, t, (int) m, (int) n, alpha, a, (int) lda, x, 1, 1.0, y, 1);
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        }
    }

    /** beta is 1: the checking layer has scaled C already (and never passes alpha == 0, see CheckedBlas). */
    @Override
    public void dgemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                      MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc) {
        OpenBlasThreads.use(threads);
        int ta = flag(transA);
        int tb = flag(transB);
        if (!DOWNCALLS.product(m * n * k, a, b, c)) {
            openblas_h.cblas_dgemm(ROW_MAJOR, ta, tb, (int) m, (int) n, (int) k, alpha, a, (int) lda, b, (int) ldb,
                    1.0, c, (int) ldc);
            return;
        }
        try {
            DGEMM.invokeExact(ROW_MAJOR, ta, tb, (int) m, (int) n, (int) k, alpha, a, (int) lda, b, (int) ldb,
                    1.0, c, (int) ldc);
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        }
    }
}
