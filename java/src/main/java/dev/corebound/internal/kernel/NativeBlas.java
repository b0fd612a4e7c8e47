package dev.corebound.internal.kernel;

import dev.corebound.Backend;
import dev.corebound.Transpose;
import dev.corebound.internal.loader.NativeLibrary;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@link Backend#NATIVE}'s BLAS: corebound's C kernels through the FFM API,
 * on the same memory the Java kernels use, with no copy. Short calls and
 * calls on heap arrays take the critical path (see {@link Downcalls}).
 */
final class NativeBlas implements DoubleBlas {

    private static final MethodHandle DDOT = Downcalls.critical(corebound_h.cb_ddot$address(), corebound_h.cb_ddot$descriptor());
    private static final MethodHandle DAXPY = Downcalls.critical(corebound_h.cb_daxpy$address(), corebound_h.cb_daxpy$descriptor());
    private static final MethodHandle DSCAL = Downcalls.critical(corebound_h.cb_dscal$address(), corebound_h.cb_dscal$descriptor());
    private static final MethodHandle DASUM = Downcalls.critical(corebound_h.cb_dasum$address(), corebound_h.cb_dasum$descriptor());
    private static final MethodHandle DNRM2 = Downcalls.critical(corebound_h.cb_dnrm2$address(), corebound_h.cb_dnrm2$descriptor());
    private static final MethodHandle IDAMAX = Downcalls.critical(corebound_h.cb_idamax$address(), corebound_h.cb_idamax$descriptor());
    private static final MethodHandle DSUM = Downcalls.critical(corebound_h.cb_dsum$address(), corebound_h.cb_dsum$descriptor());
    private static final MethodHandle DGEMV = Downcalls.critical(corebound_h.cb_dgemv$address(), corebound_h.cb_dgemv$descriptor());
    private static final MethodHandle DGEMM = Downcalls.critical(corebound_h.cb_dgemm$address(), corebound_h.cb_dgemm$descriptor());

    private final NativeThreadCount threads;
    private final Downcalls downcalls;

    /**
     * C kernels whose gemv and gemm calls may use {@code threads} OpenMP
     * threads (1 when the library was built without OpenMP), taking the
     * critical path as {@code downcalls} decides.
     */
    NativeBlas(int threads, Downcalls downcalls) {
        NativeLibrary.corebound(); // fail here, with the loader's reason, rather than in a class initialiser
        this.threads = new NativeThreadCount(threads);
        this.downcalls = downcalls;
    }

    /** Library version and kernel set, e.g. "libcorebound 0.1.0, kernels avx512". */
    static String libraryInfo() {
        return "libcorebound " + corebound_h.cb_version().getString(0)
                + ", kernels " + corebound_h.cb_kernel_set().getString(0);
    }

    @Override
    public Backend backend() {
        return Backend.NATIVE;
    }

    @Override
    public long maxDimension() {
        return Long.MAX_VALUE;
    }

    static int flag(Transpose t) {
        return t.transposed() ? corebound_h.CB_TRANS() : corebound_h.CB_NO_TRANS();
    }

    @Override
    public double ddot(long n, MemorySegment x, MemorySegment y) {
        if (!downcalls.level1(n, x, y)) {
            return corebound_h.cb_ddot(n, x, y);
        }
        try {
            return (double) DDOT.invokeExact(n, x, y);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public void daxpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        if (!downcalls.level1(n, x, y)) {
            corebound_h.cb_daxpy(n, alpha, x, y);
            return;
        }
        try {
            DAXPY.invokeExact(n, alpha, x, y);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public void dscal(long n, double alpha, MemorySegment x) {
        if (!downcalls.level1(n, x)) {
            corebound_h.cb_dscal(n, alpha, x);
            return;
        }
        try {
            DSCAL.invokeExact(n, alpha, x);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public double dasum(long n, MemorySegment x) {
        if (!downcalls.level1(n, x)) {
            return corebound_h.cb_dasum(n, x);
        }
        try {
            return (double) DASUM.invokeExact(n, x);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public double dnrm2(long n, MemorySegment x) {
        if (!downcalls.level1(n, x)) {
            return corebound_h.cb_dnrm2(n, x);
        }
        try {
            return (double) DNRM2.invokeExact(n, x);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long idamax(long n, MemorySegment x) {
        if (!downcalls.level1(n, x)) {
            return corebound_h.cb_idamax(n, x);
        }
        try {
            return (long) IDAMAX.invokeExact(n, x);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public double dsum(long n, MemorySegment x) {
        if (!downcalls.level1(n, x)) {
            return corebound_h.cb_dsum(n, x);
        }
        try {
            return (double) DSUM.invokeExact(n, x);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    /** beta is 1: the checking layer has scaled y already. */
    @Override
    public void dgemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                      MemorySegment x, MemorySegment y) {
        int t = flag(trans);
        threads.use();
        try {
            if (downcalls.product(m * n, a, x, y)) {
                DGEMV.invokeExact(t, m, n, alpha, a, lda, x, 1.0, y);
            } else {
                corebound_h.cb_dgemv(t, m, n, alpha, a, lda, x, 1.0, y);
            }
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        } finally {
            threads.reset();
        }
    }

    /** beta is 1: the checking layer has scaled C already. */
    @Override
    public void dgemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                      MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc) {
        int ta = flag(transA);
        int tb = flag(transB);
        threads.use();
        try {
            if (downcalls.product(m * n * k, a, b, c)) {
                DGEMM.invokeExact(ta, tb, m, n, k, alpha, a, lda, b, ldb, 1.0, c, ldc);
            } else {
                corebound_h.cb_dgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, 1.0, c, ldc);
            }
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        } finally {
            threads.reset();
        }
    }
}
