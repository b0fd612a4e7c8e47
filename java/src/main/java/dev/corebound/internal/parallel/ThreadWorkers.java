package dev.corebound.internal.parallel;

import dev.corebound.internal.kernel.BackendKernels;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * n platform threads of this JVM sharing its memory: the caller and n - 1
 * pool threads take a call's slices as they free up (see {@link SharedTasks}),
 * so uneven slices balance.
 */
public final class ThreadWorkers extends Workers {

    private final int threads;
    private final ExecutorService helpers;

    public ThreadWorkers(int threads) {
        this.threads = threads;
        // A fixed pool starts its threads on first use, so threads(1) starts none.
        this.helpers = Executors.newFixedThreadPool(Math.max(1, threads - 1), daemonThreads("corebound-threads-"));
    }

    /** Daemon platform threads named prefix1, prefix2, ...: a pool never keeps the JVM alive. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> Thread.ofPlatform().daemon().name(prefix + count.incrementAndGet()).unstarted(runnable);
    }

    @Override
    public String name() {
        return "threads(" + threads + ")";
    }

    @Override
    public int count() {
        return threads;
    }

    @Override
    protected double[] runOpen(BackendKernels kernels, List<? extends Task> tasks) {
        return SharedTasks.run(tasks.size(), threads - 1, helpers, i -> tasks.get(i).run(kernels, GilContext.NONE));
    }

    @Override
    protected void stop() {
        helpers.shutdownNow();
    }
}
