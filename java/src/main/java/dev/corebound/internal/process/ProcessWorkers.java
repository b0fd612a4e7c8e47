package dev.corebound.internal.process;

import dev.corebound.Backend;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.parallel.SharedTasks;
import dev.corebound.internal.parallel.Staging;
import dev.corebound.internal.parallel.Task;
import dev.corebound.internal.parallel.ThreadWorkers;
import dev.corebound.internal.parallel.Workers;
import dev.corebound.parallel.ProcessPool.Stats;
import dev.corebound.parallel.WorkerFailedException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What runs {@code processes(n)}: n worker JVMs in n slots, kept warm and
 * reused across calls, like a process pool, and one spare.
 *
 * <p><b>Memory.</b> Data lives in shared memory: {@link #arena()} allocates in
 * memory-mapped files in the pool's {@link PoolDirectory} (owner-only, on
 * /dev/shm on Linux), and workers compute on it in place. An operand that is
 * not in shared memory is copied in for the call (and copied back if it is an
 * output); that copy is counted in {@link #stats()}, not hidden.
 *
 * <p><b>Control.</b> Each worker has a private channel, its stdin and stdout
 * pipes, carrying the small binary {@link Protocol}: operation, backend,
 * offsets, shapes. Its stderr goes to a log file in the private directory.
 *
 * <p><b>Starting.</b> At most {@link PoolLimit#max()} workers, checked before
 * anything starts. The n workers start at once; the first that fails fails
 * the pool at once and every process it started is stopped. Then a
 * {@link SpareWorker} starts in the background, when the limit leaves room.
 *
 * <p><b>Failure.</b> A worker that exits, crashes (a segfault in native code
 * included) or exceeds the call timeout is killed and replaced, and the call
 * fails with a {@link WorkerFailedException} naming the worker and the cause;
 * this JVM carries on. A worker found dead between calls is replaced before
 * the next one. A replacement is the spare, handed over, or else a new
 * worker; a replacement that fails to start leaves its slot empty for the
 * next call to fill, and is stopped.
 *
 * <p><b>Nothing left behind.</b> {@link #close()} stops the workers and
 * deletes the directory; a shutdown hook does the same when this JVM exits
 * without it; a {@link DirectoryTracker} deletes the directory when this JVM
 * dies any other way, and a worker exits when its stdin closes or its parent
 * dies.
 */
public final class ProcessWorkers extends Workers {

    /** How long a worker may take to say hello. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(ProcessWorkers.class.getName());

    private final String name;
    private final Duration callTimeout;
    private final Path dir;
    private final DirectoryTracker tracker;
    private final ScheduledExecutorService watchdog;
    private final WorkerLauncher launcher;
    private final SpareWorker spare;
    private final Slot[] slots;
    private final BlockingQueue<Slot> idle;
    private final ExecutorService drivers;
    private final Thread shutdownHook;
    /** Set by the pool's first JAVA_VECTOR task: from then on workers start with the Vector API module. */
    private volatile boolean vectorWanted;
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong lastReplacementNanos = new AtomicLong();
    private final AtomicLong bytesCopied = new AtomicLong();
    private final AtomicLong copyNanos = new AtomicLong();

    /** A slot for one worker; empty after a replacement failed to start. A driver thread owns it for a call. */
    private static final class Slot {
        final int index;
        volatile Worker worker;

        Slot(int index, Worker worker) {
            this.index = index;
            this.worker = worker;
        }
    }

    public ProcessWorkers(int size, Duration callTimeout) {
        this(size, callTimeout, WorkerCommand.standard(), START_TIMEOUT);
    }

    /**
     * A pool whose workers start with {@code command} and must say hello
     * within {@code startTimeout}.
     *
     * @throws IllegalArgumentException when {@code size} is beyond {@link PoolLimit#max()}; nothing has started then
     * @throws WorkerFailedException when a worker does not start; nothing is left running then
     */
    public ProcessWorkers(int size, Duration callTimeout, WorkerCommand command, Duration startTimeout) {
        this.name = "processes(" + size + ")";
        PoolLimit.check(name, size);
        this.callTimeout = callTimeout;
        this.dir = PoolDirectory.create();
        this.tracker = DirectoryTracker.start(dir);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(ThreadWorkers.daemonThreads("corebound-process-watchdog-"));
        this.launcher = new WorkerLauncher(name, dir, command, startTimeout, watchdog);
        this.spare = size < PoolLimit.max() ? new SpareWorker(launcher) : null;
        this.slots = new Slot[size];
        this.idle = new ArrayBlockingQueue<>(size);
        // The caller drives one worker itself (see SharedTasks); these threads drive the others.
        this.drivers = Executors.newFixedThreadPool(Math.max(1, size - 1), ThreadWorkers.daemonThreads("corebound-process-driver-"));
        this.shutdownHook = Thread.ofPlatform().unstarted(this::destroy);
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            List<Worker> started = launcher.startAll(size, false);
            for (int i = 0; i < size; i++) {
                slots[i] = new Slot(i, started.get(i));
                idle.add(slots[i]);
            }
            refillSpare();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Builds the archive workers start from, if this JVM's class path allows
     * one and it does not exist yet, and waits for it (a few seconds, once).
     * Pools build it in the background otherwise; benchmarks call this first
     * so that the build does not compete with what they measure.
     */
    public static void prepareWorkerArchive() {
        WorkerJvm.prepareArchive();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int count() {
        return slots.length;
    }

    @Override
    protected Arena createArena() {
        return new SharedMemory(dir);
    }

    private SharedMemory memory() {
        return (SharedMemory) arena();
    }

    /** Process ids of the workers in their slots, in slot order (for tests and diagnostics). */
    public List<Long> workerPids() {
        return Arrays.stream(slots).map(s -> s.worker).filter(Objects::nonNull).map(Worker::pid).toList();
    }

    /** The spare's process id, once it is ready. */
    public OptionalLong sparePid() {
        return spare == null ? OptionalLong.empty() : spare.pid();
    }

    /** Waits up to {@code patience} for the spare to be ready; false when the pool keeps none or it did not start. */
    public boolean awaitSpare(Duration patience) {
        return spare != null && spare.await(patience);
    }

    public Stats stats() {
        return new Stats(launcher.launched(), replaced.get(), launcher.lastStartTime(),
                Duration.ofNanos(lastReplacementNanos.get()), bytesCopied.get(), Duration.ofNanos(copyNanos.get()));
    }

    /** The directory holding this pool's shared memory and worker logs. */
    public Path directory() {
        return dir;
    }

    @Override
    protected double[] runOpen(BackendKernels kernels, List<? extends Task> tasks) {
        Backend backend = kernels.backend();
        return SharedTasks.run(tasks.size(), slots.length - 1, drivers, i -> call(backend, tasks.get(i)));
    }

    /** Runs one task in a slot; a worker that fails is replaced before the failure is thrown. */
    private double call(Backend backend, Task task) throws InterruptedException {
        if (!WorkerJvm.canRun(false, backend)) {
            vectorWanted = true;
        }
        Slot slot = idle.take();
        try {
            Worker w = readyWorker(slot, backend);
            try {
                return w.call(backend, task, memory(), callTimeout, watchdog);
            } catch (WorkerFailedException e) {
                replaced.incrementAndGet();
                empty(slot);
                try {
                    slot.worker = replacement(slot.index, backend);
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        } finally {
            idle.add(slot);
        }
    }

    /**
     * The slot's worker, after replacing it if it died since its last call,
     * lacks what {@code backend} needs (the pool's first JAVA_VECTOR task), or
     * is missing because a replacement failed.
     *
     * @throws WorkerFailedException when no worker can be started; the slot stays empty
     */
    private Worker readyWorker(Slot slot, Backend backend) {
        Worker w = slot.worker;
        if (w != null && !w.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "{0}; replacing it", w.cause("was found dead between calls"));
            replaced.incrementAndGet();
            empty(slot);
        } else if (w != null && !w.canRun(backend)) {
            slot.worker = null;
            launcher.retire(w);
        }
        if (slot.worker == null) {
            slot.worker = replacement(slot.index, backend);
        }
        return slot.worker;
    }

    private void empty(Slot slot) {
        Worker w = slot.worker;
        slot.worker = null;
        if (w != null) {
            launcher.discard(w);
        }
    }

    /** A worker for slot {@code index}: the spare, handed over if it is fit for {@code backend}, or else a new one. */
    private Worker replacement(int index, Backend backend) {
        long t0 = System.nanoTime();
        Optional<Worker> handed = spare == null ? Optional.empty() : spare.take(backend);
        Worker w = handed.isPresent() ? handed.get() : launcher.start(index, vectorWanted);
        w.handOver(index);
        lastReplacementNanos.set(System.nanoTime() - t0);
        refillSpare();
        return w;
    }

    private void refillSpare() {
        if (spare != null) {
            spare.refill(vectorWanted);
        }
    }

    @Override
    public Staging staging() {
        return new CopyingStaging();
    }

    /** Operands outside shared memory are copied into leased scratch memory, outputs copied back. */
    private final class CopyingStaging implements Staging {
        private final List<MemorySegment> leases = new ArrayList<>();
        private final List<MemorySegment[]> writeBack = new ArrayList<>();

        @Override
        public MemorySegment in(MemorySegment segment, String name) {
            if (memory().locate(segment).isPresent()) {
                return segment;
            }
            long t0 = System.nanoTime();
            MemorySegment scratch = memory().lease(segment.byteSize());
            leases.add(scratch);
            MemorySegment copy = scratch.asSlice(0, segment.byteSize()).copyFrom(segment);
            count(segment.byteSize(), t0);
            return copy;
        }

        @Override
        public MemorySegment inOut(MemorySegment segment, String name) {
            MemorySegment staged = in(segment, name);
            if (staged != segment) {
                writeBack.add(new MemorySegment[]{staged, segment});
            }
            return staged;
        }

        /** Leased from the pool's shared memory, as the copies are, so workers map it in place. */
        @Override
        public MemorySegment scratch(long byteSize) {
            MemorySegment leased = memory().lease(byteSize);
            leases.add(leased);
            return leased.asSlice(0, byteSize);
        }

        @Override
        public void close() {
            for (MemorySegment[] pair : writeBack) {
                long t0 = System.nanoTime();
                pair[1].copyFrom(pair[0]);
                count(pair[1].byteSize(), t0);
            }
            leases.forEach(memory()::release);
        }

        private void count(long bytes, long t0) {
            bytesCopied.addAndGet(bytes);
            copyNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    /** Stops every worker (the spare too) and deletes the directory; the arena, closed next, unmaps what is left. */
    @Override
    protected void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // this JVM is exiting: the hook runs destroy() anyway
        }
        launcher.close();
        drivers.shutdownNow();
        watchdog.shutdownNow();
        PoolDirectory.delete(dir);
        tracker.close();
    }

    /** The shutdown hook: this JVM is exiting without close(). Its exit ends the tracker. */
    private void destroy() {
        launcher.killAll();
        PoolDirectory.delete(dir);
    }
}
