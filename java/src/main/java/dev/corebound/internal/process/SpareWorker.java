package dev.corebound.internal.process;

import dev.corebound.Backend;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one worker a pool keeps started beside its slots, so that a
 * replacement costs the caller no start: it takes the spare, and a new spare
 * starts in the background, as CPython's forkserver keeps a process ready to
 * fork from. The spare is a worker like the others (the launcher stops it
 * with them, and it counts against the {@link PoolLimit}), but it runs no
 * task before it is handed over.
 */
final class SpareWorker {

    private static final System.Logger LOG = System.getLogger(SpareWorker.class.getName());

    private final WorkerLauncher launcher;
    /** The spare, started or starting; null when it was taken and no new one was asked for. Guarded by this. */
    private CompletableFuture<Worker> next;

    SpareWorker(WorkerLauncher launcher) {
        this.launcher = launcher;
    }

    /** Starts a new spare in the background, unless there is one or the pool is closing. */
    synchronized void refill(boolean vector) {
        if (next == null) {
            try {
                next = launcher.startInBackground(Worker.SPARE, vector);
            } catch (RejectedExecutionException e) {
                // the pool is closing: it needs no spare
            }
        }
    }

    /**
     * The spare, waiting for it if it is still starting, when it is alive and
     * can run {@code backend}'s tasks; empty otherwise. A spare that is not
     * taken is stopped.
     */
    Optional<Worker> take(Backend backend) {
        CompletableFuture<Worker> spare;
        synchronized (this) {
            spare = next;
            next = null;
        }
        if (spare == null) {
            return Optional.empty();
        }
        try {
            Worker w = spare.join();
            if (w.isAlive() && w.canRun(backend)) {
                return Optional.of(w);
            }
            launcher.discard(w);
        } catch (CompletionException | CancellationException e) {
            LOG.log(System.Logger.Level.WARNING, "the spare worker did not start: {0}",
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
        return Optional.empty();
    }

    /** Waits up to {@code patience} for the spare to be ready; false when there is none or it did not start. */
    boolean await(Duration patience) {
        CompletableFuture<Worker> spare;
        synchronized (this) {
            spare = next;
        }
        if (spare == null) {
            return false;
        }
        try {
            return spare.get(patience.toNanos(), TimeUnit.NANOSECONDS).isAlive();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The spare's process id, when one is ready. */
    synchronized OptionalLong pid() {
        if (next != null && next.isDone() && !next.isCompletedExceptionally()) {
            return OptionalLong.of(next.join().pid());
        }
        return OptionalLong.empty();
    }
}
