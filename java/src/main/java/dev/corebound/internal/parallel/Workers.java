package dev.corebound.internal.parallel;

import dev.corebound.internal.kernel.BackendKernels;

import java.lang.foreign.Arena;
import java.util.List;

/**
 * What a parallelism does behind its public face ({@link dev.corebound.parallel.Parallelism}):
 * it owns workers, runs tasks on them, and says how a backend's kernels run
 * under it. Tasks check their own bounds, so running them needs no trust.
 */
public abstract class Workers implements AutoCloseable {

    private volatile boolean closed;
    private Arena arena;
    private ScratchPool scratch;

    /** For example "threads(4)". */
    public abstract String name();

    /** How many workers run at once. */
    public abstract int count();

    /**
     * Runs tasks on the workers, each with {@code kernels} (or, in a worker
     * process, the same backend's kernels there), and returns their results in
     * task order. The first failure is thrown once every task has finished.
     */
    public final double[] run(BackendKernels kernels, List<? extends Task> tasks) {
        requireOpen();
        return runOpen(kernels, tasks);
    }

    /** {@link #run} once the workers are known to be open. */
    protected abstract double[] runOpen(BackendKernels kernels, List<? extends Task> tasks);

    /** The backend's kernels as this parallelism runs them: by default every operation sliced over the workers. */
    public BackendKernels apply(BackendKernels serial) {
        requireOpen();
        return Partitioned.of(serial, this);
    }

    /** How workers reach an operation's memory for one call. */
    public Staging staging() {
        return new SameProcessStaging(name(), scratchPool());
    }

    /** Scratch memory for calls, from {@link #arena()}, created on first use. */
    private synchronized ScratchPool scratchPool() {
        if (scratch == null) {
            scratch = new ScratchPool(arena());
        }
        return scratch;
    }

    /** Memory every worker reads and writes in place, created on first use and closed with the workers. */
    public final synchronized Arena arena() {
        requireOpen();
        if (arena == null) {
            arena = createArena();
        }
        return arena;
    }

    /** A shared arena, unless the workers are other processes. */
    protected Arena createArena() {
        return Arena.ofShared();
    }

    public final void requireOpen() {
        if (closed) {
            throw new IllegalStateException(name() + " is closed");
        }
    }

    /** Stops the workers and frees the arena; neither can be used after. */
    @Override
    public final synchronized void close() {
        if (!closed) {
            closed = true;
            stop();
            if (arena != null) {
                arena.close();
            }
        }
    }

    /** Stops the workers; called once, by {@link #close()}. */
    protected abstract void stop();

    /** Runs tasks one after another on the caller's thread: the way of the parallelisms that do not slice. */
    protected static double[] runHere(BackendKernels kernels, List<? extends Task> tasks) {
        double[] results = new double[tasks.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = tasks.get(i).run(kernels, GilContext.NONE);
        }
        return results;
    }

    @Override
    public String toString() {
        return name();
    }
}
