package dev.corebound.internal.parallel;

import dev.corebound.internal.kernel.BackendKernels;

import java.util.List;

/** One worker, the caller's thread: each operation is one call of the backend's kernel, not sliced. */
public final class SerialWorkers extends Workers {

    @Override
    public String name() {
        return "serial";
    }

    @Override
    public int count() {
        return 1;
    }

    @Override
    public BackendKernels apply(BackendKernels serial) {
        requireOpen();
        return serial;
    }

    @Override
    protected double[] runOpen(BackendKernels kernels, List<? extends Task> tasks) {
        return runHere(kernels, tasks);
    }

    @Override
    protected void stop() {
    }
}
