package dev.corebound.internal.kernel;

/**
 * A backend that can run each call on threads of its own (OpenMP's in
 * corebound's C library, OpenBLAS's in OpenBLAS): the "native threads"
 * parallelism.
 */
public interface NativeThreading {

    /** The backend's kernels, each call using {@code threads} threads of its own. */
    BackendKernels withThreads(int threads);
}
