package dev.corebound.parallel;

import dev.corebound.internal.process.PoolLimit;
import dev.corebound.internal.process.ProcessWorkers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code processes(n)}: n worker JVMs, started with this JVM's java and flags
 * and the part of its class path a worker needs, kept warm and reused across
 * calls, like a process pool.
 *
 * <p><b>Memory.</b> Data lives in shared memory: {@link #arena()} allocates in
 * memory-mapped files in a private directory (owner-only, on /dev/shm on
 * Linux), and workers compute on it in place. An operand that is not in shared
 * memory is copied in for the call (and copied back if it is an output); that
 * copy is counted in {@link #stats()}, not hidden.
 *
 * <p><b>Bounds.</b> n may not exceed {@link #maxWorkers()}, which is worked out
 * from the cores and the memory this JVM sees and can be set with the system
 * property {@code corebound.processes.max}. The workers start at once; when
 * one fails to start, the pool fails at once and stops the others.
 *
 * <p><b>Failure.</b> A worker that exits, crashes (a segfault in native code
 * included) or exceeds the call timeout is killed and replaced, and the call
 * fails with a {@link WorkerFailedException} naming the worker and the cause;
 * this JVM carries on. A pool smaller than {@link #maxWorkers()} keeps one
 * spare worker started, so that a replacement is handed over instead of
 * started.
 *
 * <p><b>Nothing left behind.</b> No worker and no shared-memory file outlives
 * {@link #close()} or this JVM, however it ends: a small tracker process
 * deletes the directory when this JVM is killed or crashes, workers exit when
 * their parent does, and a new pool deletes the directories of pools whose JVM
 * is gone.
 */
public final class ProcessPool extends Parallelism {

    /** How long one slice may take in a worker before the worker is killed. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(10);

    /**
     * What the pool has done, for reports and for the claims it helps measure.
     *
     * @param workersStarted      worker JVMs launched, the spares included
     * @param workersReplaced     workers replaced because they failed or died
     * @param lastStartTime       how long the last worker JVM took from its launch to being ready
     * @param lastReplacementTime how long the last replacement kept a call waiting: a hand-over
     *                            of the spare, or a start when no spare was ready
     * @param bytesCopied         bytes of operands copied into and out of shared memory
     * @param copyTime            the time those copies took
     */
    public record Stats(long workersStarted, long workersReplaced, Duration lastStartTime,
                        Duration lastReplacementTime, long bytesCopied, Duration copyTime) {
    }

    private final ProcessWorkers pool;

    ProcessPool(int size, Duration callTimeout) {
        this(new ProcessWorkers(requirePositive("processes", size), requirePositive(callTimeout)));
    }

    /** A pool around workers made elsewhere (by tests, with their own worker command). */
    ProcessPool(ProcessWorkers pool) {
        super(pool);
        this.pool = pool;
    }

    private static Duration requirePositive(Duration callTimeout) {
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("processes: the call timeout must be positive, but is " + callTimeout);
        }
        return callTimeout;
    }

    /**
     * The most worker processes a pool may have here, its spare included:
     * the smaller of 4 per core and as many as fit in half of the memory at
     * 128 MiB each, as this JVM sees cores and memory (a container's limits
     * count), unless the system property {@code corebound.processes.max} sets it.
     *
     * @throws IllegalArgumentException when that property is not a whole number of at least 1
     */
    public static int maxWorkers() {
        return PoolLimit.max();
    }

    /**
     * Builds the archive workers start from (an ahead-of-time cache from JDK
     * 24 on, a class data sharing archive before), if this JVM's class path
     * allows one and it does not exist yet, and waits for it (a few seconds,
     * once). Pools build it in the background otherwise; benchmarks call this
     * first so that the build does not compete with what they measure.
     */
    public static void prepareWorkerArchive() {
        ProcessWorkers.prepareWorkerArchive();
    }

    /** Process ids of the live workers, in slot order (for tests and diagnostics); the spare is not one of them. */
    public List<Long> workerPids() {
        return pool.workerPids();
    }

    public Stats stats() {
        return pool.stats();
    }

    /** The directory holding this pool's shared memory and worker logs. */
    public Path directory() {
        return pool.directory();
    }
}
