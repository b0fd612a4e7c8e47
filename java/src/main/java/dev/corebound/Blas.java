package dev.corebound;

/**
 * BLAS-like operations on {@link DenseVector} and {@link DenseMatrix}, with
 * reference BLAS semantics. Get one from {@link Corebound#blas(Backend)}.
 *
 * <p>Every method checks its arguments before any kernel runs: mismatched
 * shapes, closed memory and an output that overlaps an input where the
 * operation forbids it give an {@link IllegalArgumentException} (or, for closed
 * memory, an {@link IllegalStateException}) whose message names the operation
 * and the shapes. Native code never sees unchecked arguments.
 */
public interface Blas {

    /** The backend whose kernels do the arithmetic. */
    Backend backend();

    /** Sum of {@code x[i] * y[i]}; x and y have the same length. */
    double dot(DenseVector x, DenseVector y);

    /** {@code y += alpha * x}; x and y have the same length and do not partly overlap (x == y is allowed). */
    void axpy(double alpha, DenseVector x, DenseVector y);

    /** {@code x *= alpha}; {@code alpha == 0} multiplies too, so NaN stays NaN, as in reference BLAS. */
    void scal(double alpha, DenseVector x);

    /** Sum of {@code |x[i]|}. */
    double asum(DenseVector x);

    /** Euclidean norm, computed without overflow or underflow in between. */
    double nrm2(DenseVector x);

    /** 0-based index of the first element with the largest {@code |x[i]|}; -1 when x is empty. */
    long iamax(DenseVector x);

    /** Sum of {@code x[i]}. */
    double sum(DenseVector x);

    /**
     * {@code y = alpha * op(A) * x + beta * y}. {@code beta == 0} overwrites y
     * without reading it; {@code alpha == 0} skips the product. y must not
     * overlap A or x.
     */
    void gemv(Transpose trans, double alpha, DenseMatrix a, DenseVector x, double beta, DenseVector y);

    /** {@code y = A * x}. */
    default void gemv(DenseMatrix a, DenseVector x, DenseVector y) {
        gemv(Transpose.NO_TRANS, 1.0, a, x, 0.0, y);
    }

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C}. {@code beta == 0} overwrites
     * C without reading it; {@code alpha == 0} skips the product. C must not
     * overlap A or B.
     */
    void gemm(Transpose transA, Transpose transB, double alpha, DenseMatrix a, DenseMatrix b,
              double beta, DenseMatrix c);

    /** {@code C = A * B}. */
    default void gemm(DenseMatrix a, DenseMatrix b, DenseMatrix c) {
        gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, 1.0, a, b, 0.0, c);
    }
}
