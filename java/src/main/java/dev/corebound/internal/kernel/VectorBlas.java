package dev.corebound.internal.kernel;

import dev.corebound.Backend;
import dev.corebound.Transpose;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * {@link Backend#JAVA_VECTOR}'s BLAS: the Vector API on the width
 * {@link VectorWidth} chose. Each concern has a class of its own: level 1 in
 * {@link VectorLevel1}, gemv in {@link VectorGemv}, gemm's framework (blocking,
 * packing, serial and two-phase loops) in {@link VectorGemm} and its
 * microkernel in {@link VectorMicroKernel}.
 *
 * <p>Loaded only when the {@code jdk.incubator.vector} module is present (see
 * {@link Kernels}). Instances hold no state, so one kernel serves any number
 * of threads.
 */
final class VectorBlas implements DoubleBlas {

    private VectorBlas() {
    }

    /** JAVA_VECTOR's kernels: this BLAS, its two-phase gemm and the Java workloads. */
    static BackendKernels kernels() {
        return new BackendKernels(Backend.JAVA_VECTOR, "Vector API, " + VectorWidth.describe(), new VectorBlas(),
                Optional.of(new VectorGemm()), Optional.of(new JavaWorkloads()), Optional.empty());
    }

    @Override
    public Backend backend() {
        return Backend.JAVA_VECTOR;
    }

    @Override
    public long maxDimension() {
        return Long.MAX_VALUE;
    }

    @Override
    public double ddot(long n, MemorySegment x, MemorySegment y) {
        return VectorLevel1.dot(n, x, y);
    }

    @Override
    public void daxpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        VectorLevel1.axpy(n, alpha, x, y);
    }

    @Override
    public void dscal(long n, double alpha, MemorySegment x) {
        VectorLevel1.scal(n, alpha, x);
    }

    @Override
    public double dasum(long n, MemorySegment x) {
        return VectorLevel1.asum(n, x);
    }

    @Override
    public double dnrm2(long n, MemorySegment x) {
        return VectorLevel1.nrm2(n, x);
    }

    @Override
    public long idamax(long n, MemorySegment x) {
        return VectorLevel1.iamax(n, x);
    }

    @Override
    public double dsum(long n, MemorySegment x) {
        return VectorLevel1.sum(n, x);
    }

    @Override
    public void dgemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                      MemorySegment x, MemorySegment y) {
        VectorGemv.gemv(trans, m, n, alpha, a, lda, x, y);
    }

    @Override
    public void dgemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                      MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc) {
        VectorGemm.gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, c, ldc);
    }
}
