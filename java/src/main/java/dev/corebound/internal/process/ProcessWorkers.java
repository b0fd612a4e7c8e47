package dev.corebound.internal.process;

import dev.corebound.Backend;
import dev.corebound.Platform;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.loader.OpenBlasLibrary;
import dev.corebound.internal.parallel.Staging;
import dev.corebound.internal.parallel.Task;
import dev.corebound.internal.parallel.ThreadWorkers;
import dev.corebound.internal.parallel.Workers;
import dev.corebound.parallel.ProcessPool.Stats;
import dev.corebound.parallel.WorkerFailedException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What runs {@code processes(n)}: n worker JVMs, started with this JVM's java, class
 * path and flags, kept warm and reused across calls, like a process pool.
 *
 * <p><b>Memory.</b> Data lives in shared memory: {@link #arena()} allocates in
 * memory-mapped files in a private directory (owner-only, on /dev/shm on
 * Linux), and workers compute on it in place. An operand that is not in shared
 * memory is copied in for the call (and copied back if it is an output); that
 * copy is counted in {@link #stats()}, not hidden.
 *
 * <p><b>Control.</b> Each worker has a private channel, its stdin and stdout
 * pipes, carrying the small binary {@link Protocol}: operation, backend,
 * offsets, shapes. Its stderr goes to a log file in the private directory.
 *
 * <p><b>Failure.</b> A worker that exits, crashes (a segfault in native code
 * included) or exceeds the call timeout is killed and replaced, and the call
 * fails with a {@link WorkerFailedException} naming the worker and the cause;
 * this JVM carries on. A worker found dead between calls is replaced before
 * the next one. No worker and no shared-memory file outlives {@link #close()}
 * or this JVM: a shutdown hook stops them, and a worker exits on its own when
 * its stdin closes or its parent dies.
 */
public final class ProcessWorkers extends Workers {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final System.Logger LOG = System.getLogger(ProcessWorkers.class.getName());

    private final int size;
    private final Duration callTimeout;
    private final Path dir;
    private final List<String> command;
    private final BlockingQueue<Worker> idle;
    private final List<Worker> all = new ArrayList<>();
    private final ExecutorService drivers;
    private final ScheduledExecutorService watchdog;
    private final Thread shutdownHook;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong lastStartNanos = new AtomicLong();
    private final AtomicLong bytesCopied = new AtomicLong();
    private final AtomicLong copyNanos = new AtomicLong();

    public ProcessWorkers(int size, Duration callTimeout) {
        this.size = size;
        this.callTimeout = callTimeout;
        this.dir = privateDirectory();
        this.command = workerCommand(dir);
        this.idle = new ArrayBlockingQueue<>(size);
        this.drivers = Executors.newFixedThreadPool(size, ThreadWorkers.daemonThreads("corebound-process-driver-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(ThreadWorkers.daemonThreads("corebound-process-watchdog-"));
        this.shutdownHook = Thread.ofPlatform().unstarted(this::destroyAll);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            List<Worker> fresh = new ArrayList<>();
            for (int slot = 0; slot < size; slot++) {
                fresh.add(launch(slot));
            }
            for (Worker w : fresh) {
                awaitHello(w);
                idle.add(w);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A new directory only this user can enter: on /dev/shm where it exists, else the temp directory. */
    private static Path privateDirectory() {
        Path shm = Path.of("/dev/shm");
        Path parent = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            return Files.createTempDirectory(parent, "corebound-pool-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the pool's shared-memory directory: " + e.getMessage(), e);
        }
    }

    /** This JVM's flags, plus what a worker needs: native access, the Vector API, a quiet stdout. */
    private static List<String> workerFlags() {
        List<String> flags = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(f -> !f.startsWith("-agentlib:jdwp") && !f.startsWith("-Xrunjdwp"))
                .toList());
        if (flags.stream().noneMatch(f -> f.startsWith("--enable-native-access"))) {
            flags.add("--enable-native-access=ALL-UNNAMED");
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && flags.stream().noneMatch(f -> f.contains("jdk.incubator.vector"))) {
            flags.add("--add-modules=jdk.incubator.vector");
        }
        // Nothing the VM says may reach stdout, the reply pipe: its messages and logging go to stderr.
        flags.addAll(List.of("-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:-CreateCoredumpOnCrash"));
        return flags;
    }

    /**
     * This JVM's java, flags and class path, running {@link WorkerMain}, with a
     * CDS archive of the worker's classes once one has been built.
     */
    private static List<String> workerCommand(Path dir) {
        List<String> cmd = new ArrayList<>(List.of(Platform.javaLauncher()));
        cmd.addAll(workerFlags());
        workerArchive(false).ifPresent(a -> cmd.add("-XX:SharedArchiveFile=" + a));
        cmd.add("-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log")); // a crash report goes to the private directory
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(), dir.toString()));
        return cmd;
    }

    /** The archive for workers of this JVM (see {@link WorkerArchive#forWorkers}). */
    private static Optional<Path> workerArchive(boolean wait) {
        return WorkerArchive.forWorkers(Platform.javaLauncher(), workerFlags(), System.getProperty("java.class.path"), wait);
    }

    /**
     * Builds the class data sharing archive workers start from, if this JVM's
     * class path allows one and it does not exist yet, and waits for it (a few
     * seconds, once). Pools build it in the background otherwise; benchmarks
     * call this first so that the build does not compete with what they measure.
     */
    public static void prepareWorkerArchive() {
        workerArchive(true);
    }

    @Override
    public String name() {
        return "processes(" + size + ")";
    }

    @Override
    public int count() {
        return size;
    }

    @Override
    protected Arena createArena() {
        return new SharedMemory(dir);
    }

    private SharedMemory memory() {
        return (SharedMemory) arena();
    }

    /** Process ids of the live workers, in slot order (for tests and diagnostics). */
    public synchronized List<Long> workerPids() {
        return all.stream().sorted(Comparator.comparingInt(w -> w.slot)).map(w -> w.process.pid()).toList();
    }

    public Stats stats() {
        return new Stats(started.get(), replaced.get(), Duration.ofNanos(lastStartNanos.get()),
                bytesCopied.get(), Duration.ofNanos(copyNanos.get()));
    }

    /** The directory holding this pool's shared memory and worker logs. */
    public Path directory() {
        return dir;
    }

    @Override
    protected double[] runOpen(BackendKernels kernels, List<? extends Task> tasks) {
        Backend backend = kernels.backend();
        List<Future<Double>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(drivers.submit(() -> call(backend, task)));
        }
        return ThreadWorkers.collect(futures);
    }

    /** Runs one task on an idle worker; a worker that fails is replaced before the failure is thrown. */
    private double call(Backend backend, Task task) throws InterruptedException {
        Worker w = idle.take();
        try {
            if (!w.process.isAlive()) {
                String cause = w.cause("was found dead between calls");
                LOG.log(System.Logger.Level.WARNING, "{0}; replacing it", cause);
                w = replace(w);
            }
            return w.call(backend, task);
        } catch (WorkerFailedException e) {
            w = replace(w);
            throw e;
        } finally {
            idle.add(w);
        }
    }

    private Worker launch(int slot) {
        try {
            Path log = dir.resolve("worker-" + slot + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // A worker loads OpenBLAS the way this JVM did, without deciding (or probing) again.
            OpenBlasLibrary.coreTypeInEffect().ifPresent(t -> builder.environment().put(OpenBlasLibrary.CORETYPE_ENV, t));
            Process p = builder.start();
            Worker w = new Worker(slot, p, log, System.nanoTime());
            synchronized (this) {
                all.add(w);
            }
            started.incrementAndGet();
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM: " + e.getMessage(), e);
        }
    }

    private void awaitHello(Worker w) {
        ScheduledFuture<?> timer = watchdog.schedule(() -> w.kill(), START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (w.in.readInt() != Protocol.MAGIC || w.in.readLong() != w.process.pid()) {
                throw new WorkerFailedException(w.describe() + " said something other than hello when it started");
            }
            lastStartNanos.set(System.nanoTime() - w.launchedAt);
        } catch (IOException e) {
            throw new WorkerFailedException(w.cause("did not start"), e);
        } finally {
            timer.cancel(false);
        }
    }

    private Worker replace(Worker dead) {
        dead.kill();
        synchronized (this) {
            all.remove(dead);
        }
        replaced.incrementAndGet();
        Worker fresh = launch(dead.slot);
        awaitHello(fresh);
        return fresh;
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

    /** Closes every worker's stdin (they exit), kills those still alive after a grace period, deletes the directory. */
    @Override
    protected void stop() {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
        List<Worker> workers;
        synchronized (this) {
            workers = List.copyOf(all);
        }
        for (Worker w : workers) {
            w.closeInput();
        }
        for (Worker w : workers) {
            try {
                if (!w.process.waitFor(2, TimeUnit.SECONDS)) {
                    w.kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                w.kill();
            }
        }
        drivers.shutdownNow();
        watchdog.shutdownNow();
        deleteDirectory(); // the arena, closed next, unmaps what is left of the deleted files
    }

    /** The shutdown hook: this JVM is exiting without close(). */
    private void destroyAll() {
        List<Worker> workers;
        synchronized (this) {
            workers = List.copyOf(all);
        }
        workers.forEach(Worker::kill);
        deleteDirectory();
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete {0}: {1}", dir, e.getMessage());
        }
    }

    /** One worker JVM and its pipes. A driver thread owns it for the length of a call. */
    private final class Worker {
        final int slot;
        final Process process;
        final Path log;
        final long launchedAt;
        final DataInputStream in;
        final DataOutputStream out;
        volatile String killedFor;

        Worker(int slot, Process process, Path log, long launchedAt) {
            this.slot = slot;
            this.process = process;
            this.log = log;
            this.launchedAt = launchedAt;
            this.in = new DataInputStream(new BufferedInputStream(process.getInputStream()));
            this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        }

        double call(Backend backend, Task task) {
            ScheduledFuture<?> timer = watchdog.schedule(() -> {
                killedFor = "exceeded the call timeout of " + callTimeout;
                kill();
            }, callTimeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                Protocol.writeRequest(out, backend, task, memory());
                out.flush();
                byte status = in.readByte();
                if (status == Protocol.OK) {
                    return in.readDouble();
                }
                String type = in.readUTF();
                String message = in.readUTF();
                throw new IllegalStateException(describe() + " failed: " + type + ": " + message);
            } catch (IOException e) {
                throw new WorkerFailedException(cause(killedFor != null ? killedFor : "died during a call"), e);
            } finally {
                timer.cancel(false);
            }
        }

        String describe() {
            return name() + " worker " + slot + " (pid " + process.pid() + ")";
        }

        /** "processes(2) worker 1 (pid 42) crashed: ...": what happened, the exit status and the crash report's headline. */
        String cause(String what) {
            StringBuilder sb = new StringBuilder(describe()).append(' ').append(what);
            try {
                if (process.waitFor(5, TimeUnit.SECONDS)) {
                    sb.append(": ").append(ExitStatus.describe(process.exitValue()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ExitStatus.crashReport(dir.resolve("hs_err_pid" + process.pid() + ".log"))
                    .ifPresent(r -> sb.append("; crash report: ").append(r));
            return sb.toString();
        }

        void kill() {
            process.destroyForcibly();
        }

        void closeInput() {
            try {
                out.close();
            } catch (IOException e) {
                kill();
            }
        }
    }
}
