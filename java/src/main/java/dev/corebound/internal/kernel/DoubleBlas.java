package dev.corebound.internal.kernel;

import dev.corebound.Backend;
import dev.corebound.Transpose;

import java.lang.foreign.MemorySegment;

/**
 * One backend's double-precision BLAS arithmetic on raw segments, named as
 * in BLAS ({@code ddot} like {@code cb_ddot}), so that a single-precision
 * family can sit beside it rather than inside it.
 *
 * <p>A kernel trusts its arguments and does arithmetic only. The checking
 * layer ({@code dev.corebound.CheckedBlas}) has checked shapes, sizes against
 * {@link #maxDimension()}, liveness and aliasing, and has applied the BLAS
 * rules before any method here runs: every size is at least 1, {@code alpha}
 * of daxpy, dgemv and dgemm is not 0, and gemv's and gemm's outputs have
 * already been scaled by beta (so those kernels only accumulate). Vectors are
 * contiguous segments of at least {@code n} doubles; matrices are row-major
 * with a leading dimension, starting at element (0, 0).
 */
public interface DoubleBlas {

    Backend backend();

    /** The largest size or leading dimension this backend takes (CBLAS takes 32-bit ints). */
    long maxDimension();

    double ddot(long n, MemorySegment x, MemorySegment y);

    /** y += alpha * x. */
    void daxpy(long n, double alpha, MemorySegment x, MemorySegment y);

    /** x *= alpha, multiplying even when alpha is 0 (NaN stays NaN). */
    void dscal(long n, double alpha, MemorySegment x);

    double dasum(long n, MemorySegment x);

    /** The Euclidean norm, without overflow or underflow in between. */
    double dnrm2(long n, MemorySegment x);

    /** 0-based index of the first largest |x[i]|. */
    long idamax(long n, MemorySegment x);

    double dsum(long n, MemorySegment x);

    /** y += alpha * op(A) * x, with A stored m x n. */
    void dgemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
               MemorySegment x, MemorySegment y);

    /** C += alpha * op(A) * op(B), with C m x n and k the inner dimension. */
    void dgemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
               MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc);
}
