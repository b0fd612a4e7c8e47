package dev.corebound.parallel;

import dev.corebound.internal.process.ProcessWorkers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code processes(n)}: n worker JVMs, started with this JVM's java, class
 * path and flags, kept warm and reused across calls, like a process pool.
 *
 * <p><b>Memory.</b> Data lives in shared memory: {@link #arena()} allocates in
 * memory-mapped files in a private directory (owner-only, on /dev/shm on
 * Linux), and workers compute on it in place. An operand that is not in shared
 * memory is copied in for the call (and copied back if it is an output); that
 * copy is counted in {@link #stats()}, not hidden.
 *
 * <p><b>Failure.</b> A worker that exits, crashes (a segfault in native code
 * included) or exceeds the call timeout is killed and replaced, and the call
 * fails with a {@link WorkerFailedException} naming the worker and the cause;
 * this JVM carries on. No worker and no shared-memory file outlives
 * {@link #close()} or this JVM.
 */
public final class ProcessPool extends Parallelism {

    /** How long one slice may take in a worker before the worker is killed. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(10);

    /** What the pool has done, for reports and for the claims it helps measure. */
    public record Stats(long workersStarted, long workersReplaced, Duration lastStartTime,
                        long bytesCopied, Duration copyTime) {
    }

    private final ProcessWorkers pool;

    ProcessPool(int size, Duration callTimeout) {
        this(new ProcessWorkers(requirePositive("processes", size), requirePositive(callTimeout)));
    }

    private ProcessPool(ProcessWorkers pool) {
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
     * Builds the class data sharing archive workers start from, if this JVM's
     * class path allows one and it does not exist yet, and waits for it (a few
     * seconds, once). Pools build it in the background otherwise; benchmarks
     * call this first so that the build does not compete with what they measure.
     */
    public static void prepareWorkerArchive() {
        ProcessWorkers.prepareWorkerArchive();
    }

    /** Process ids of the live workers, in slot order (for tests and diagnostics). */
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
