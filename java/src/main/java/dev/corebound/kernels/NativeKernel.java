package dev.corebound.kernels;

import dev.corebound.Backend;
import dev.corebound.Transpose;
import dev.corebound.ffm.NativeLibrary;
import dev.corebound.ffm.corebound_h;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@link Backend#NATIVE}: corebound's C kernels through the FFM API, on the
 * same memory the Java kernels use, with no copy. Short calls and calls on
 * heap arrays take the critical path (see {@link Downcalls}).
 */
public final class NativeKernel implements Kernel {

    private static final MethodHandle DDOT = Downcalls.critical(corebound_h.cb_ddot$address(), corebound_h.cb_ddot$descriptor());
    private static final MethodHandle DAXPY = Downcalls.critical(corebound_h.cb_daxpy$address(), corebound_h.cb_daxpy$descriptor());
    private static final MethodHandle DSCAL = Downcalls.critical(corebound_h.cb_dscal$address(), corebound_h.cb_dscal$descriptor());
    private static final MethodHandle DASUM = Downcalls.critical(corebound_h.cb_dasum$address(), corebound_h.cb_dasum$descriptor());
    private static final MethodHandle DNRM2 = Downcalls.critical(corebound_h.cb_dnrm2$address(), corebound_h.cb_dnrm2$descriptor());
    private static final MethodHandle IDAMAX = Downcalls.critical(corebound_h.cb_idamax$address(), corebound_h.cb_idamax$descriptor());
    private static final MethodHandle DSUM = Downcalls.critical(corebound_h.cb_dsum$address(), corebound_h.cb_dsum$descriptor());
    private static final MethodHandle DGEMV = Downcalls.critical(corebound_h.cb_dgemv$address(), corebound_h.cb_dgemv$descriptor());
    private static final MethodHandle DGEMM = Downcalls.critical(corebound_h.cb_dgemm$address(), corebound_h.cb_dgemm$descriptor());

    private final int threads;

    /** Single-threaded C kernels. */
    public NativeKernel() {
        this(1);
    }

    /**
     * C kernels that may use {@code threads} OpenMP threads inside one gemv or
     * gemm call (the "native threads" parallelism); 1 when built without OpenMP.
     */
    public NativeKernel(int threads) {
        NativeLibrary.corebound(); // fail here, with the loader's reason, rather than in a class initialiser
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but is " + threads);
        }
        this.threads = threads;
    }

    /** Library version and kernel set, e.g. "libcorebound 0.1.0, kernels avx512". */
    public static String libraryInfo() {
        return "libcorebound " + corebound_h.cb_version().getString(0)
                + ", kernels " + corebound_h.cb_kernel_set().getString(0);
    }

    @Override
    public Backend backend() {
        return Backend.NATIVE;
    }

    @Override
    public String description() {
        return libraryInfo() + ", " + NativeLibrary.source() + (threads > 1 ? ", " + threads + " threads" : "");
    }

    private static int flag(Transpose t) {
        return t.transposed() ? corebound_h.CB_TRANS() : corebound_h.CB_NO_TRANS();
    }

    @Override
    public double dot(long n, MemorySegment x, MemorySegment y) {
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x, y)) {
            return corebound_h.cb_ddot(n, x, y);
        }
        try {
            return (double) DDOT.invokeExact(n, x, y);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public void axpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x, y)) {
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
    public void scal(long n, double alpha, MemorySegment x) {
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
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
    public double asum(long n, MemorySegment x) {
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
            return corebound_h.cb_dasum(n, x);
        }
        try {
            return (double) DASUM.invokeExact(n, x);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public double nrm2(long n, MemorySegment x) {
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
            return corebound_h.cb_dnrm2(n, x);
        }
        try {
            return (double) DNRM2.invokeExact(n, x);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public long iamax(long n, MemorySegment x) {
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
            return corebound_h.cb_idamax(n, x);
        }
        try {
            return (long) IDAMAX.invokeExact(n, x);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public double sum(long n, MemorySegment x) {
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
            return corebound_h.cb_dsum(n, x);
        }
        try {
            return (double) DSUM.invokeExact(n, x);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public void gemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                     MemorySegment x, double beta, MemorySegment y) {
        int t = flag(trans);
        useThreads(threads);
        try {
            if (Downcalls.useCritical(m * n, Downcalls.SHORT_FMAS, a, x, y)) {
                DGEMV.invokeExact(t, m, n, alpha, a, lda, x, beta, y);
            } else {
                corebound_h.cb_dgemv(t, m, n, alpha, a, lda, x, beta, y);
            }
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        } finally {
            useThreads(1);
        }
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                     MemorySegment a, long lda, MemorySegment b, long ldb, double beta, MemorySegment c, long ldc) {
        int ta = flag(transA);
        int tb = flag(transB);
        useThreads(threads);
        try {
            if (Downcalls.useCritical(m * n * k, Downcalls.SHORT_FMAS, a, b, c)) {
                DGEMM.invokeExact(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            } else {
                corebound_h.cb_dgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            }
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        } finally {
            useThreads(1);
        }
    }

    @Override
    public long monteCarloPi(long seed, long first, long count) {
        useThreads(threads);
        try {
            return corebound_h.cb_monte_carlo_pi(seed, first, count);
        } finally {
            useThreads(1);
        }
    }

    @Override
    public long mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                           double xMin, double xMax, double yMin, double yMax) {
        useThreads(threads);
        try {
            return corebound_h.cb_mandelbrot(width, height, rowBegin, rowEnd, maxIter, xMin, xMax, yMin, yMax);
        } finally {
            useThreads(1);
        }
    }

    @Override
    public Kernel withNativeThreads(int threads) {
        return new NativeKernel(threads);
    }

    /**
     * Sets the calling thread's C thread count when this kernel uses more than
     * one; calls that use one leave the per-thread setting at its default of 1.
     */
    private void useThreads(int count) {
        if (threads > 1) {
            corebound_h.cb_set_num_threads(count);
        }
    }
}
