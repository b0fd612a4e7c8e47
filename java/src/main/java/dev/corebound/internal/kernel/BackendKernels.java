package dev.corebound.internal.kernel;

import dev.corebound.Backend;

import java.util.Optional;

/**
 * What one backend can do, one capability per type, so that code wrapping a
 * backend (the parallel layer) has to say what it does with each.
 *
 * @param backend     the backend
 * @param description what runs, for {@code info}: library version, kernel set, SIMD width, threads
 * @param blas        its BLAS arithmetic
 * @param packedGemm  its two-phase gemm, when it has one, for the parallel layer to split one product among
 *                    many workers (without it, the parallel layer splits gemm into independent row blocks)
 * @param workloads   its CPU-bound workloads, when it has them (the OpenBLAS backends do not)
 * @param threading   its own threads, when it has them (the native backends)
 */
public record BackendKernels(Backend backend, String description, DoubleBlas blas, Optional<PackedGemm> packedGemm,
                             Optional<Workloads> workloads, Optional<NativeThreading> threading) {

    /** The workloads, or an exception that says which backends have them. */
    public Workloads requireWorkloads() {
        return workloads.orElseThrow(() -> new UnsupportedOperationException(
                backend + " has no Monte Carlo pi or Mandelbrot; use JAVA_SCALAR, JAVA_VECTOR or NATIVE"));
    }

    /** The same kernels on {@code threads} threads of the backend's own, or an exception for a backend without. */
    public BackendKernels withNativeThreads(int threads) {
        return threading.orElseThrow(() -> new UnsupportedOperationException(
                backend + " has no threads of its own; native threads need NATIVE, OPENBLAS or OPENBLAS_JNI"))
                .withThreads(threads);
    }
}
