package dev.corebound.internal.parallel;

import dev.corebound.internal.kernel.BackendKernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A new virtual thread for every slice, the caller waiting for them all: the
 * JVM runs them on its carrier threads, one per core.
 */
public final class VirtualThreadWorkers extends Workers {

    private final int cores;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** {@code cores}: how many carriers run them at once, the count reports compare against. */
    public VirtualThreadWorkers(int cores) {
        this.cores = cores;
    }

    @Override
    public String name() {
        return "virtualThreads";
    }

    @Override
    public int count() {
        return cores;
    }

    @Override
    protected double[] runOpen(BackendKernels kernels, List<? extends Task> tasks) {
        List<Future<Double>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(executor.submit(() -> task.run(kernels, GilContext.NONE)));
        }
        return Futures.collect(futures);
    }

    @Override
    protected void stop() {
        executor.shutdownNow();
    }
}
