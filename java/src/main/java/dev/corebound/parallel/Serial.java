package dev.corebound.parallel;

import dev.corebound.kernels.Kernel;

import java.util.List;

/** One worker, the caller's thread: each operation is one call of the backend's kernel, not sliced. */
final class Serial extends Parallelism {

    @Override
    public String name() {
        return "serial";
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public Kernel apply(Kernel kernel) {
        requireOpen();
        return kernel;
    }

    @Override
    public double[] run(Kernel kernel, List<? extends Task> tasks) {
        requireOpen();
        return runHere(kernel, tasks);
    }

    @Override
    void stopWorkers() {
    }
}
