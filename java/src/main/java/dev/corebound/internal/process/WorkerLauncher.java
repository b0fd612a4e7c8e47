package dev.corebound.internal.process;

import dev.corebound.internal.loader.OpenBlasLibrary;
import dev.corebound.internal.parallel.ThreadWorkers;
import dev.corebound.parallel.WorkerFailedException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts a pool's worker processes and keeps every one it started in view
 * until it is gone, so that none outlives the pool: a worker that fails to
 * start is killed at once, one started after {@link #close()} is killed as it
 * starts, and {@code close()} stops all the others.
 */
final class WorkerLauncher implements AutoCloseable {

    /** How long {@link #close()} lets a worker whose stdin it closed exit on its own. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final String pool;
    private final Path dir;
    private final WorkerCommand command;
    private final Duration startTimeout;
    private final ScheduledExecutorService watchdog;
    private final ExecutorService starters = Executors.newCachedThreadPool(
            ThreadWorkers.daemonThreads("corebound-process-starter-"));
    private final Set<Worker> running = new HashSet<>();
    private boolean closed;
    private final AtomicLong launched = new AtomicLong();
    private final AtomicLong lastStartNanos = new AtomicLong();

    WorkerLauncher(String pool, Path dir, WorkerCommand command, Duration startTimeout,
                   ScheduledExecutorService watchdog) {
        this.pool = pool;
        this.dir = dir;
        this.command = command;
        this.startTimeout = startTimeout;
        this.watchdog = watchdog;
    }

    /** Workers launched so far, spares included. */
    long launched() {
        return launched.get();
    }

    /** How long the last worker that started took from its launch to its hello. */
    Duration lastStartTime() {
        return Duration.ofNanos(lastStartNanos.get());
    }

    /**
     * Starts a worker for {@code slot} ({@link Worker#SPARE} for the spare) and
     * waits for its hello.
     *
     * @throws WorkerFailedException when it exits, says something else or is too slow; it is killed
     */
    Worker start(int slot, boolean vector) {
        Worker w = launch(slot, vector);
        try {
            lastStartNanos.set(w.awaitHello(startTimeout, watchdog).toNanos());
            return w;
        } catch (RuntimeException e) {
            discard(w);
            throw e;
        }
    }

    /** {@link #start} on a starter thread. */
    CompletableFuture<Worker> startInBackground(int slot, boolean vector) {
        return CompletableFuture.supplyAsync(() -> start(slot, vector), starters);
    }

    /**
     * Starts workers for slots 0 to n - 1 at once and returns them in slot
     * order. The first failure is thrown as soon as it happens, without
     * waiting for the others; {@link #close()} then stops them.
     */
    List<Worker> startAll(int n, boolean vector) {
        ExecutorCompletionService<Worker> done = new ExecutorCompletionService<>(starters);
        for (int slot = 0; slot < n; slot++) {
            int s = slot;
            done.submit(() -> start(s, vector));
        }
        Worker[] workers = new Worker[n];
        try {
            for (int i = 0; i < n; i++) {
                // Every start ends by its own timeout; this bound is only a backstop.
                Future<Worker> next = done.poll(startTimeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
                if (next == null) {
                    throw new WorkerFailedException(pool + ": workers did not start within " + startTimeout);
                }
                Worker w = next.get();
                workers[w.slot()] = w;
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(pool + ": interrupted while its workers started", e);
        }
        return List.of(workers);
    }

    private Worker launch(int slot, boolean vector) {
        long launchedAt = System.nanoTime();
        Path log = dir.resolve("worker-" + launched.incrementAndGet() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command.command(dir, vector))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // A worker loads OpenBLAS the way this JVM did, without deciding (or probing) again.
        OpenBlasLibrary.coreTypeInEffect().ifPresent(t -> builder.environment().put(OpenBlasLibrary.CORETYPE_ENV, t));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new WorkerFailedException(pool + ": cannot start a worker process: " + e.getMessage(), e);
        }
        Worker w = new Worker(pool, slot, process, dir, log, vector, launchedAt);
        synchronized (this) {
            if (!closed) {
                running.add(w);
                process.onExit().thenRun(() -> forget(w));
                return w;
            }
        }
        w.kill();
        throw new IllegalStateException(pool + " is closed");
    }

    private synchronized void forget(Worker w) {
        running.remove(w);
    }

    /** Kills a worker; it is forgotten once it has exited. */
    void discard(Worker w) {
        w.kill();
    }

    /** Lets a worker that did nothing wrong go: it exits when its stdin closes, or is killed after a grace period. */
    void retire(Worker w) {
        w.closeInput();
        try {
            watchdog.schedule(() -> w.kill(), EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            w.kill(); // the pool is closing
        }
    }

    /**
     * Closes every worker's stdin (they exit) and kills those still alive
     * after a grace period; a worker still starting is killed at once, and
     * one that starts later as it starts.
     */
    @Override
    public void close() {
        List<Worker> workers = closeAndList();
        for (Worker w : workers) {
            if (w.ready()) {
                w.closeInput();
            } else {
                w.kill();
            }
        }
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        for (Worker w : workers) {
            w.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            w.kill();
            w.awaitExit(EXIT_GRACE);
        }
        starters.shutdownNow();
    }

    /** For a JVM that is exiting without close(): kills every worker at once. */
    void killAll() {
        closeAndList().forEach(Worker::kill);
    }

    private synchronized List<Worker> closeAndList() {
        closed = true;
        return new ArrayList<>(running);
    }
}
