package dev.corebound.internal.process;

import dev.corebound.Backend;
import dev.corebound.internal.parallel.Task;
import dev.corebound.parallel.WorkerFailedException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One worker JVM and its pipes. It starts as the pool's spare or in a slot;
 * a spare gets its slot when it is handed over, and only then runs tasks. A
 * driver thread owns a worker for the length of a call.
 */
final class Worker {

    /** The slot of a spare that has not been handed over. */
    static final int SPARE = -1;

    private final String pool;
    private final Process process;
    private final Path directory;
    private final Path log;
    private final boolean vector;
    private final long launchedAt;
    private final DataInputStream in;
    private final DataOutputStream out;
    private volatile int slot;
    private volatile boolean ready;
    private volatile String killedFor;

    Worker(String pool, int slot, Process process, Path directory, Path log, boolean vector, long launchedAt) {
        this.pool = pool;
        this.slot = slot;
        this.process = process;
        this.directory = directory;
        this.log = log;
        this.vector = vector;
        this.launchedAt = launchedAt;
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    }

    long pid() {
        return process.pid();
    }

    int slot() {
        return slot;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True once it said hello. */
    boolean ready() {
        return ready;
    }

    boolean canRun(Backend backend) {
        return WorkerJvm.canRun(vector, backend);
    }

    /** Gives a spare its slot; from now on it runs tasks. */
    void handOver(int newSlot) {
        slot = newSlot;
    }

    /**
     * Waits for the worker's hello; kills it when it does not come within
     * {@code timeout}. Returns how long the worker took from its launch.
     *
     * @throws WorkerFailedException when the worker exits, says something else, or is too slow
     */
    Duration awaitHello(Duration timeout, ScheduledExecutorService watchdog) {
        ScheduledFuture<?> timer = watchdog.schedule(() -> kill("did not say hello within " + timeout),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            if (!Protocol.readHello(in, process.pid())) {
                kill("said something other than hello when it started");
                throw new WorkerFailedException(cause("did not start"));
            }
            ready = true;
            return Duration.ofNanos(System.nanoTime() - launchedAt);
        } catch (IOException e) {
            throw new WorkerFailedException(cause("did not start"), e);
        } finally {
            timer.cancel(false);
        }
    }

    /**
     * Runs one task; kills the worker when it takes longer than {@code timeout}.
     *
     * @throws WorkerFailedException when the worker dies or is killed during the call
     * @throws IllegalStateException when the task failed in the worker, which stays up
     */
    double call(Backend backend, Task task, SharedMemory memory, Duration timeout, ScheduledExecutorService watchdog) {
        ScheduledFuture<?> timer = watchdog.schedule(() -> kill("exceeded the call timeout of " + timeout),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            Protocol.writeRequest(out, backend, task, memory);
            out.flush();
            Protocol.Reply reply = Protocol.readReply(in);
            if (reply.failure() != null) {
                throw new IllegalStateException(describe() + " failed: " + reply.failure().type() + ": "
                        + reply.failure().message());
            }
            return reply.result();
        } catch (IOException e) {
            throw new WorkerFailedException(cause("died during a call"), e);
        } finally {
            timer.cancel(false);
        }
    }

    String describe() {
        int s = slot;
        return pool + (s == SPARE ? " spare worker" : " worker " + s) + " (pid " + process.pid() + ")";
    }

    /**
     * "processes(2) worker 1 (pid 42) crashed: ...": what happened (or why it
     * was killed), the exit status, the crash report's headline, and the end
     * of its log.
     */
    String cause(String what) {
        String reason = killedFor;
        StringBuilder sb = new StringBuilder(describe()).append(' ').append(reason != null ? reason : what);
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                sb.append(": ").append(ExitStatus.describe(process.exitValue()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ExitStatus.crashReport(directory.resolve("hs_err_pid" + process.pid() + ".log"))
                .ifPresent(r -> sb.append("; crash report: ").append(r));
        ExitStatus.logTail(log).ifPresent(t -> sb.append("; its log ends: ").append(t));
        return sb.toString();
    }

    /** Kills the worker, saying why in its failure if it was not dead already. */
    void kill(String why) {
        if (process.isAlive() && killedFor == null) {
            killedFor = why;
        }
        kill();
    }

    void kill() {
        process.destroyForcibly();
    }

    /** Waits a little for a killed or closed worker to be gone. */
    void awaitExit(Duration patience) {
        try {
            process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the worker's stdin: an idle worker exits at once. */
    void closeInput() {
        try {
            out.close();
        } catch (IOException e) {
            kill();
        }
    }
}
