package dev.corebound.parallel;

import dev.corebound.kernels.Kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of this JVM sharing its memory: {@code threads(n)} keeps n platform
 * threads; {@code virtualThreads()} starts a virtual thread per slice. Either
 * way slices are handed out as workers free up, so uneven slices balance.
 */
public final class ThreadPool extends Parallelism {

    private final int threads;
    private final boolean virtual;
    private final ExecutorService executor;

    ThreadPool(int threads, boolean virtual) {
        this.threads = requirePositive("threads", threads);
        this.virtual = virtual;
        this.executor = virtual
                ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(threads, daemonThreads("corebound-threads-"));
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> Thread.ofPlatform().daemon().name(prefix + count.incrementAndGet()).unstarted(runnable);
    }

    @Override
    public String name() {
        return virtual ? "virtualThreads" : "threads(" + threads + ")";
    }

    @Override
    public int workers() {
        return threads;
    }

    @Override
    public double[] run(Kernel kernel, List<? extends Task> tasks) {
        requireOpen();
        List<Future<Double>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(executor.submit(() -> task.run(kernel, GilContext.NONE)));
        }
        return collect(futures);
    }

    /** Waits for every future, then returns their results in order or throws the first failure. */
    static double[] collect(List<Future<Double>> futures) {
        double[] results = new double[futures.size()];
        RuntimeException failure = null;
        boolean interrupted = false;
        for (int i = 0; i < results.length; i++) {
            try {
                results[i] = futures.get(i).get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                interrupted = true;
                i--; // keep waiting: the slices write into the caller's memory
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    @Override
    void stopWorkers() {
        executor.shutdownNow();
    }
}
