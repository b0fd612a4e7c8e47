package dev.corebound.kernels;

import dev.corebound.Backend;
import dev.corebound.Transpose;

import java.lang.foreign.MemorySegment;

/**
 * One backend's arithmetic, on raw segments, BLAS style. A kernel trusts its
 * arguments: {@link dev.corebound.Blas} has checked shapes, sizes, liveness and
 * aliasing before any kernel method runs, so implementations do no checking.
 *
 * <p>Vectors are contiguous segments of at least {@code n} doubles; matrices are
 * row-major with a leading dimension, starting at element (0, 0).
 */
public interface Kernel {

    Backend backend();

    /** What runs, for {@code info}: library version, kernel set, SIMD width. */
    String description();

    /** The largest size or leading dimension this backend accepts (CBLAS takes 32-bit ints). */
    default long maxDimension() {
        return Long.MAX_VALUE;
    }

    double dot(long n, MemorySegment x, MemorySegment y);

    void axpy(long n, double alpha, MemorySegment x, MemorySegment y);

    void scal(long n, double alpha, MemorySegment x);

    double asum(long n, MemorySegment x);

    double nrm2(long n, MemorySegment x);

    /** 0-based index of the first largest |x[i]|, -1 for n == 0. */
    long iamax(long n, MemorySegment x);

    double sum(long n, MemorySegment x);

    /** y = alpha * op(A) * x + beta * y with A stored m x n. */
    void gemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
              MemorySegment x, double beta, MemorySegment y);

    /** C = alpha * op(A) * op(B) + beta * C with C m x n and k the inner dimension. */
    void gemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
              MemorySegment a, long lda, MemorySegment b, long ldb, double beta, MemorySegment c, long ldc);

    /**
     * Monte Carlo pi: how many of the samples {@code [first, first + count)} fall
     * inside the quarter circle, with the counter-based generator that
     * {@link dev.corebound.workloads.MonteCarloPi} describes.
     *
     * @throws UnsupportedOperationException when the backend has no version of this workload
     */
    default long monteCarloPi(long seed, long first, long count) {
        throw new UnsupportedOperationException(backend() + " has no Monte Carlo pi; use JAVA_SCALAR, JAVA_VECTOR or NATIVE");
    }

    /**
     * Sum of the Mandelbrot iteration counts of rows {@code [rowBegin, rowEnd)}
     * of the grid that {@link dev.corebound.workloads.Mandelbrot} describes.
     *
     * @throws UnsupportedOperationException when the backend has no version of this workload
     */
    default long mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                            double xMin, double xMax, double yMin, double yMax) {
        throw new UnsupportedOperationException(backend() + " has no Mandelbrot; use JAVA_SCALAR, JAVA_VECTOR or NATIVE");
    }

    /**
     * This backend running each call on {@code threads} threads of its own
     * (OpenMP's or OpenBLAS's): the "native threads" parallelism.
     *
     * @throws UnsupportedOperationException for backends without threads of their own
     */
    default Kernel withNativeThreads(int threads) {
        throw new UnsupportedOperationException(backend() + " has no threads of its own; native threads need NATIVE or OPENBLAS");
    }
}
