package dev.corebound.kernels;

import dev.corebound.Backend;
import dev.corebound.Transpose;
import dev.corebound.ffm.OpenBlasLibrary;
import dev.corebound.ffm.openblas_h;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@link Backend#OPENBLAS}: OpenBLAS's CBLAS through the FFM API, row-major,
 * on the same memory as every other backend. Short calls and calls on heap
 * arrays take the critical path (see {@link Downcalls}). CBLAS takes 32-bit
 * sizes, so {@link #maxDimension()} limits them.
 */
public final class OpenBlasKernel implements Kernel {

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

    private final int threads;

    /** OpenBLAS on one thread per call: the setting for one kernel among many workers. */
    public OpenBlasKernel() {
        this(1);
    }

    /** OpenBLAS using {@code threads} threads of its own inside each call. */
    public OpenBlasKernel(int threads) {
        OpenBlasLibrary.lookup(); // fail here, with the loader's reason, rather than in a class initialiser
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but is " + threads);
        }
        this.threads = threads;
    }

    /** "OpenBLAS 0.3.30, core SkylakeX, JavaCPP's org.bytedeco:openblas 0.3.30-1.5.12" */
    static String libraryInfo() {
        return "OpenBLAS " + OpenBlasLibrary.version() + ", core " + OpenBlasLibrary.corename()
                + (OpenBlasLibrary.info().decision().changes() ? " (set by corebound)" : "")
                + ", " + OpenBlasLibrary.info().source();
    }

    @Override
    public Backend backend() {
        return Backend.OPENBLAS;
    }

    @Override
    public String description() {
        return libraryInfo() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public long maxDimension() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Kernel withNativeThreads(int threads) {
        return new OpenBlasKernel(threads);
    }

    private static int flag(Transpose t) {
        return t.transposed() ? openblas_h.CblasTrans() : openblas_h.CblasNoTrans();
    }

    @Override
    public double dot(long n, MemorySegment x, MemorySegment y) {
        OpenBlasThreads.use(threads);
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x, y)) {
            return openblas_h.cblas_ddot((int) n, x, 1, y, 1);
        }
        try {
            return (double) DDOT.invokeExact((int) n, x, 1, y, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public void axpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        OpenBlasThreads.use(threads);
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x, y)) {
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
    public void scal(long n, double alpha, MemorySegment x) {
        OpenBlasThreads.use(threads);
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
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
    public double asum(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
            return openblas_h.cblas_dasum((int) n, x, 1);
        }
        try {
            return (double) DASUM.invokeExact((int) n, x, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public double nrm2(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
            return openblas_h.cblas_dnrm2((int) n, x, 1);
        }
        try {
            return (double) DNRM2.invokeExact((int) n, x, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    /** CBLAS's idamax is 0-based already; an empty vector has no index. */
    @Override
    public long iamax(long n, MemorySegment x) {
        if (n == 0) {
            return -1;
        }
        OpenBlasThreads.use(threads);
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
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
    public double sum(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        if (!Downcalls.useCritical(n, Downcalls.SHORT_ELEMENTS, x)) {
            return openblas_h.cblas_dsum((int) n, x, 1);
        }
        try {
            return (double) DSUM.invokeExact((int) n, x, 1);
        } catch (Throwable t) {
            throw Downcalls.unexpected(t);
        }
    }

    @Override
    public void gemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                     MemorySegment x, double beta, MemorySegment y) {
        OpenBlasThreads.use(threads);
        int t = flag(trans);
        if (!Downcalls.useCritical(m * n, Downcalls.SHORT_FMAS, a, x, y)) {
            openblas_h.cblas_dgemv(ROW_MAJOR, t, (int) m, (int) n, alpha, a, (int) lda, x, 1, beta, y, 1);
            return;
        }
        try {
            DGEMV.invokeExact(ROW_MAJOR, t, (int) m, (int) n, alpha, a, (int) lda, x, 1, beta, y, 1);
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        }
    }

    /**
     * OpenBLAS 0.3.30 multiplies even when alpha is 0 (its small-matrix path),
     * so NaN or Inf in A or B would reach C; reference BLAS skips the product.
     * With alpha == 0 only C = beta * C is left, which the reference kernel does.
     */
    @Override
    public void gemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                     MemorySegment a, long lda, MemorySegment b, long ldb, double beta, MemorySegment c, long ldc) {
        if (alpha == 0) {
            ScalarKernel.scaleMatrix(m, n, beta, c, ldc);
            return;
        }
        OpenBlasThreads.use(threads);
        int ta = flag(transA);
        int tb = flag(transB);
        if (!Downcalls.useCritical(m * n * k, Downcalls.SHORT_FMAS, a, b, c)) {
            openblas_h.cblas_dgemm(ROW_MAJOR, ta, tb, (int) m, (int) n, (int) k, alpha, a, (int) lda, b, (int) ldb,
                    beta, c, (int) ldc);
            return;
        }
        try {
            DGEMM.invokeExact(ROW_MAJOR, ta, tb, (int) m, (int) n, (int) k, alpha, a, (int) lda, b, (int) ldb,
                    beta, c, (int) ldc);
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        }
    }
}
