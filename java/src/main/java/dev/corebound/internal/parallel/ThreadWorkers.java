package dev.corebound.internal.parallel;

import dev.corebound.internal.kernel.BackendKernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of this JVM sharing its memory: n platform threads, or a virtual
 * thread per slice. Either way slices are handed out as workers free up, so
 * uneven slices balance.
 */
public final class ThreadWorkers extends Workers {

    private final int threads;
    private final boolean virtual;
    private final ExecutorService executor;

    public ThreadWorkers(int threads, boolean virtual) {
        this.threads = threads;
        this.virtual = virtual;
        this.executor = virtual
                ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newFixedThreadPool(threads, daemonThreads("corebound-threads-"));
    }

    /** Daemon platform threads named prefix1, prefix2, ...: a pool never keeps the JVM alive. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> Thread.ofPlatform().daemon().name(prefix + count.incrementAndGet()).unstarted(runnable);
    }

    @Override
    public String name() {
        return virtual ? "virtualThreads" : "threads(" + threads + ")";
    }

    @Override
    public int count() {
        return threads;
    }

    @Override
    protected double[] runOpen(BackendKernels kernels, List<? extends Task> tasks) {
        List<Future<Double>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(executor.submit(() -> task.run(kernels, GilContext.NONE)));
        }
        return collect(futures);
    }

    /** Waits for every future, then returns their results in order or throws the first failure. */
    public static double[] collect(List<Future<Double>> futures) {
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
    protected void stop() {
        executor.shutdownNow();
    }
}
