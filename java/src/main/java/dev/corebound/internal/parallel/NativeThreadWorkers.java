package dev.corebound.internal.parallel;

import dev.corebound.internal.kernel.BackendKernels;

import java.util.List;

/**
 * The backend's own threads: OpenMP's in corebound's C library, OpenBLAS's in
 * OpenBLAS. Java calls the kernel once per operation, on the caller's thread,
 * and the native library splits the work inside that call.
 */
public final class NativeThreadWorkers extends Workers {

    private final int threads;

    public NativeThreadWorkers(int threads) {
        this.threads = threads;
    }

    @Override
    public String name() {
        return "nativeThreads(" + threads + ")";
    }

    @Override
    public int count() {
        return threads;
    }

    /** @throws UnsupportedOperationException for a backend without threads of its own (the Java ones) */
    @Override
    public BackendKernels apply(BackendKernels serial) {
        requireOpen();
        return serial.withNativeThreads(threads);
    }

    @Override
    protected double[] runOpen(BackendKernels kernels, List<? extends Task> tasks) {
        return runHere(kernels.withNativeThreads(threads), tasks);
    }

    @Override
    protected void stop() {
    }
}
