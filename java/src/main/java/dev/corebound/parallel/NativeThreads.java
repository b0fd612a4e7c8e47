package dev.corebound.parallel;

import dev.corebound.kernels.Kernel;

import java.util.List;

/**
 * The backend's own threads: OpenMP's in corebound's C library, OpenBLAS's in
 * OpenBLAS. Java calls the kernel once per operation, on the caller's thread,
 * and the native library splits the work inside that call.
 */
public final class NativeThreads extends Parallelism {

    private final int threads;

    NativeThreads(int threads) {
        this.threads = requirePositive("nativeThreads", threads);
    }

    @Override
    public String name() {
        return "nativeThreads(" + threads + ")";
    }

    @Override
    public int workers() {
        return threads;
    }

    /** @throws UnsupportedOperationException for a backend without threads of its own (the Java ones) */
    @Override
    public Kernel apply(Kernel kernel) {
        requireOpen();
        return kernel.withNativeThreads(threads);
    }

    @Override
    public double[] run(Kernel kernel, List<? extends Task> tasks) {
        requireOpen();
        return runHere(kernel.withNativeThreads(threads), tasks);
    }

    @Override
    void stopWorkers() {
    }
}
