package dev.corebound.bench.claims;

import dev.corebound.Backend;
import dev.corebound.Blas;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.DenseVector;
import dev.corebound.Platform;
import dev.corebound.bench.report.ReportFiles;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.internal.parallel.Task;
import dev.corebound.internal.process.ProcessWorkers;
import dev.corebound.parallel.Parallelism;
import dev.corebound.parallel.ProcessPool;
import dev.corebound.parallel.WorkerFailedException;
import dev.corebound.workloads.IoWorkload;
import dev.corebound.workloads.LatencyServer;
import dev.corebound.workloads.Mandelbrot;
import dev.corebound.workloads.MonteCarloPi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The experiments behind the claims report, one method per claim of the
 * notes corebound grew from. Each runs on this machine with n = the number of
 * cores, and returns the claim with the figure measured and a verdict.
 */
public final class Experiments implements AutoCloseable {

    private static final BackendKernels SCALAR = Kernels.of(Backend.JAVA_SCALAR);

    private final Scale scale;
    private final int n;
    private final ProcessPool processes;

    public Experiments(Scale scale, int cores) {
        this.scale = scale;
        this.n = Math.max(2, cores);
        this.processes = Parallelism.processes(n);
        // Let the workers' JIT compile the workload before anything is timed.
        for (int i = 0; i < 3; i++) {
            MonteCarloPi.run(processes, Backend.JAVA_SCALAR, 1L << 24, 0);
        }
    }

    /** n, the workers and threads every experiment uses. */
    public int workers() {
        return n;
    }

    /** The experiments in report order, as (label, run) pairs for a progress line. */
    public List<Step> steps() {
        return List.of(new Step("processes on CPU-bound work", this::processesUseCores),
                new Step("start times", this::startTimes),
                new Step("memory of a process and of a thread", this::memory),
                new Step("pipe against shared memory", this::ipc),
                new Step("killing a process, stopping a thread", this::killing),
                new Step("races on shared memory", this::races),
                new Step("the emulated GIL", this::gil),
                new Step("I/O-bound requests", this::io),
                new Step("native code under the GIL", this::nativeUnderGil),
                new Step("JVM threads on CPU-bound work", this::jvmThreads));
    }

    /** One experiment. */
    public record Step(String label, Supplier<Claim> run) {
    }

    @Override
    public void close() {
        processes.close();
    }

    // ---- the experiments ----

    Claim processesUseCores() {
        long samples = scale.samples();
        try (Parallelism serial = Parallelism.serial()) {
            double s = best(() -> MonteCarloPi.run(serial, Backend.JAVA_SCALAR, samples, 1));
            double p = best(() -> MonteCarloPi.run(processes, Backend.JAVA_SCALAR, samples, 1));
            double speedup = s / p;
            return new Claim(1, "Separate processes put several cores to work on CPU-bound jobs.",
                    "Monte Carlo pi in Java, " + millions(samples) + " samples: serial against processes(" + n + ")",
                    f("processes(%d) %.2fx faster than serial (%s against %s)", n, speedup, time(p), time(s)),
                    Verdict.of(speedup >= 0.7 * n),
                    "each worker JVM runs its own compiled code on its own core, and the slices share nothing to wait for.",
                    Map.of("samples", (double) samples, "serial_seconds", s, "processes_seconds", p, "speedup", speedup));
        }
    }

    Claim startTimes() {
        int k = 2000;
        double platform = median(k, () -> join(Thread.ofPlatform().start(() -> { })));
        double virtual = median(k, () -> join(Thread.ofVirtual().start(() -> { })));
        int starts = scale.workerStarts();
        double[] worker = new double[starts];
        double[] bare = new double[starts];
        Path hello = Hello.write();
        try {
            for (int i = 0; i < starts; i++) { // in turns, so that both see the same machine
                bare[i] = Hello.timeToHello(hello);
                try (ProcessPool one = Parallelism.processes(1)) {
                    worker[i] = one.stats().lastStartTime().toNanos() / 1e9;
                }
            }
        } finally {
            Hello.delete(hello);
        }
        double fresh = median(worker);
        double floor = median(bare);
        double handOver = median(handOvers(starts));
        List<Task> ping = List.of(new Task.Ping());
        double warm = median(k, () -> run(processes, ping));
        return new Claim(2, "A process takes longer to start than a thread.",
                "median start-and-join of a platform thread and a virtual thread (" + k + " each), time to hello of a "
                        + "new worker JVM and of a bare JVM printing hello, started in turns (" + starts + " each), "
                        + "a replacement handed over by the pool's spare worker (" + starts + "), and a call that "
                        + "does nothing on a warm worker (" + k + ")",
                f("platform thread %s, virtual thread %s, new worker JVM %s (a bare JVM's hello %s: %.2fx), "
                                + "spare handed over in %s, call on a warm worker %s",
                        time(platform), time(virtual), time(fresh), time(floor), fresh / floor, time(handOver), time(warm)),
                Verdict.of(fresh > platform),
                "a JVM must map its runtime, load its classes and start its own threads first, however little it then "
                        + "does; a thread is one system call (a virtual thread not even that). A pool hides the cost: "
                        + "a warm worker costs a round trip through its pipe, and a spare started in the background "
                        + "replaces a dead worker without a start.",
                Map.of("thread_seconds", platform, "worker_jvm_seconds", fresh, "bare_jvm_seconds", floor,
                        "hand_over_seconds", handOver, "warm_call_seconds", warm));
    }

    /**
     * Seconds each of {@code count} replacements kept a call waiting: a
     * worker is killed in the middle of a call, with the spare ready.
     */
    private double[] handOvers(int count) {
        double[] t = new double[count];
        try (ProcessPool one = Parallelism.processes(1)) {
            ProcessWorkers workers = (ProcessWorkers) ParallelAccess.workers(one);
            for (int i = 0; i < count; i++) {
                if (!workers.awaitSpare(Duration.ofMinutes(1))) {
                    throw new IllegalStateException("the pool's spare worker did not start");
                }
                killDuringACall(one, 50);
                t[i] = one.stats().lastReplacementTime().toNanos() / 1e9;
            }
        }
        return t;
    }

    /**
     * Kills the worker of {@code one} in the middle of a call that never ends
     * on its own, {@code afterMillis} into it, and waits for the call to fail
     * as it should. Returns the seconds from the kill to the failure.
     */
    private static double killDuringACall(ProcessPool one, long afterMillis) {
        long pid = one.workerPids().get(0);
        CompletableFuture<double[]> runaway = CompletableFuture.supplyAsync(() -> run(one, List.of(new Task.Spin(-1))));
        sleep(afterMillis);
        long t0 = System.nanoTime();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        try {
            runaway.get(60, TimeUnit.SECONDS);
            throw new IllegalStateException("the runaway worker finished on its own");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof WorkerFailedException)) {
                throw new IllegalStateException("the killed worker was not reported", e);
            }
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException("the killed worker was not reported", e);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A bare JVM's whole program, the floor a worker's start is measured against: it prints one byte. */
    public static final class Hello {

        private Hello() {
        }

        public static void main(String[] args) {
            System.out.print('h');
            System.out.flush();
        }

        /** A new class path holding this class alone. */
        static Path write() {
            try {
                Path dir = Files.createTempDirectory("corebound-hello-");
                String file = Hello.class.getName().replace('.', '/') + ".class";
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = Hello.class.getResourceAsStream("/" + file)) {
                    Files.copy(Objects.requireNonNull(in, file), target);
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the bare JVM's class: " + e.getMessage(), e);
            }
        }

        /** Seconds from starting {@code java -cp classPath Hello}, as a pool starts a worker, to its first byte. */
        static double timeToHello(Path classPath) {
            try {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(Platform.javaLauncher(), "-cp", classPath.toString(), Hello.class.getName())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                int first = p.getInputStream().read();
                double seconds = (System.nanoTime() - t0) / 1e9;
                p.waitFor(1, TimeUnit.MINUTES);
                if (first < 0) {
                    throw new IllegalStateException("the bare JVM printed nothing: exit code " + p.exitValue());
                }
                return seconds;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a bare JVM: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        static void delete(Path classPath) {
            try (Stream<Path> files = Files.walk(classPath)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + classPath + ": " + e.getMessage(), e);
            }
        }
    }

    Claim memory() {
        run(processes, List.of(new Task.Ping()));
        long workerKiB = residentKiB(processes.workerPids().get(0));
        int threads = 256;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(threads);
        System.gc();
        long before = residentKiB(ProcessHandle.current().pid());
        List<Thread> parked = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            parked.add(Thread.ofPlatform().daemon().start(() -> {
                started.countDown();
                awaitQuietly(release);
            }));
        }
        awaitQuietly(started);
        long after = residentKiB(ProcessHandle.current().pid());
        release.countDown();
        parked.forEach(Experiments::join);
        double perThread = Math.max(0, after - before) / (double) threads;
        return new Claim(3, "A process costs more memory than a thread.",
                "resident memory of a warm worker JVM, against the growth of this JVM's resident memory per "
                        + "platform thread while " + threads + " threads wait",
                f("worker JVM %.1f MiB resident; one more platform thread %.0f KiB", workerKiB / 1024.0, perThread),
                Verdict.of(workerKiB > perThread),
                "a process carries a whole JVM (heap, compiled code, class metadata); a thread carries a stack, "
                        + "and only the pages it touches count.",
                Map.of("worker_rss_bytes", workerKiB * 1024.0, "per_thread_bytes", perThread * 1024));
    }

    Claim ipc() {
        int bytes = scale.ipcMiB() << 20;
        byte[] payload = new byte[bytes];
        Arrays.fill(payload, (byte) 1);
        List<Task> send = List.of(new Task.Checksum(payload));
        double pipe = best(() -> run(processes, send));
        DenseVector shared = DenseVector.allocate(processes.arena(), bytes / Double.BYTES).fill(1);
        List<Task> read = List.of(new Task.Sum(shared.length(), shared.segment()));
        double mapped = best(() -> run(processes, read));
        double pipeGBs = bytes / pipe / 1e9;
        double mappedGBs = bytes / mapped / 1e9;
        return new Claim(4, "Processes must communicate explicitly, and that costs more than sharing memory.",
                scale.ipcMiB() + " MiB to a worker: through its pipe, against reading it in place from the memory mapping",
                f("pipe %.2f GB/s; shared mapping %.1f GB/s (%.0fx faster)", pipeGBs, mappedGBs, mappedGBs / pipeGBs),
                Verdict.of(pipeGBs < mappedGBs),
                "every byte through a pipe is copied into the kernel and out again; a mapping lets the worker read the "
                        + "caller's bytes where they are, once they were put in shared memory, which is the complication.",
                Map.of("pipe_gb_per_s", pipeGBs, "shared_memory_gb_per_s", mappedGBs));
    }

    Claim killing() {
        double killed;
        try (ProcessPool one = Parallelism.processes(1, Duration.ofMinutes(10))) {
            killed = killDuringACall(one, 200);
        }
        Runaway loop = new Runaway();
        Thread thread = Thread.ofPlatform().daemon().start(loop);
        sleep(100);
        thread.interrupt();
        joinFor(thread, scale.runawaySeconds());
        boolean stillRunning = thread.isAlive();
        String stop = tryStop(thread);
        loop.release();
        join(thread);
        return new Claim(5, "A process can be killed from outside; a thread cannot.",
                "a runaway loop that never checks for interruption: in a worker, killed with destroyForcibly "
                        + "(the pool notices, reports and replaces it); in a thread, interrupted",
                f("worker killed, reported and replaced in %s; thread %s; %s", time(killed),
                        stillRunning ? f("ignored interrupt() and was not stopped after %.1f s", scale.runawaySeconds())
                                : "stopped", stop),
                stillRunning ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                "the operating system can end a process whole because it shares nothing with its parent; threads share "
                        + "the heap and its locks, so the JVM only offers interruption, which the thread must check for.");
    }

    /** A loop that ignores interruption; only {@link #release} ends it (that flag is the only cooperation). */
    private static final class Runaway implements Runnable {
        private volatile boolean released;

        @Override
        public void run() {
            while (!released) {
                Thread.onSpinWait();
            }
        }

        void release() {
            released = true;
        }
    }

    /** What Thread.stop does on this JDK. */
    private static String tryStop(Thread thread) {
        try {
            Thread.class.getMethod("stop").invoke(thread);
            return "Thread.stop() still worked";
        } catch (NoSuchMethodException e) {
            return "Thread.stop() no longer exists";
        } catch (InvocationTargetException e) {
            return "Thread.stop() throws " + e.getCause().getClass().getSimpleName() + " (degraded in JDK 20)";
        } catch (IllegalAccessException e) {
            return "Thread.stop() cannot be called";
        }
    }

    /** A counter whose increment is a read then a write: volatile makes each visible, not the pair atomic. */
    private static final class Racy {
        volatile long count;
    }

    Claim races() {
        long each = scale.increments();
        long expected = each * n;
        Racy racy = new Racy();
        double racyTime = timeThreads(() -> {
            for (long i = 0; i < each; i++) {
                racy.count++;
            }
        });
        AtomicLong atomic = new AtomicLong();
        double atomicTime = timeThreads(() -> {
            for (long i = 0; i < each; i++) {
                atomic.incrementAndGet();
            }
        });
        LongAdder adder = new LongAdder();
        double adderTime = timeThreads(() -> {
            for (long i = 0; i < each; i++) {
                adder.increment();
            }
        });
        long[] locked = new long[1];
        Object lock = new Object();
        double lockTime = timeThreads(() -> {
            for (long i = 0; i < each; i++) {
                synchronized (lock) {
                    locked[0]++;
                }
            }
        });
        long lost = expected - racy.count;
        if (atomic.get() != expected || adder.sum() != expected || locked[0] != expected) {
            throw new IllegalStateException("a synchronized counter lost updates");
        }
        double ops = expected;
        return new Claim(6, "Threads that share memory can race: concurrent updates get lost.",
                n + " threads each add 1 to a shared counter " + millions(each) + " times: unsynchronized, "
                        + "AtomicLong, LongAdder, and under a lock",
                f("unsynchronized lost %,d of %,d updates (%.0f%%) at %.1f ns each; AtomicLong %.1f ns, LongAdder "
                                + "%.1f ns, lock %.1f ns per update, none lost", lost, expected, 100.0 * lost / expected,
                        racyTime * 1e9 / ops, atomicTime * 1e9 / ops, adderTime * 1e9 / ops, lockTime * 1e9 / ops),
                Verdict.of(lost > 0),
                lost > 0 ? "count++ reads, adds and writes back; two threads that read the same value both write "
                        + "the same sum, and one update is gone."
                        : "no update was lost in this run because the threads hardly overlapped; count++ is still a "
                        + "read and a write, so the race remains.",
                Map.of("expected", ops, "lost", (double) lost, "racy_ns_per_update", racyTime * 1e9 / ops,
                        "lock_ns_per_update", lockTime * 1e9 / ops));
    }

    Claim gil() {
        long samples = scale.samples();
        try (Parallelism serial = Parallelism.serial(); Parallelism threads = Parallelism.threads(n);
             Parallelism gil = Parallelism.gil(n)) {
            double s = best(() -> MonteCarloPi.run(serial, Backend.JAVA_SCALAR, samples, 2));
            double t = best(() -> MonteCarloPi.run(threads, Backend.JAVA_SCALAR, samples, 2));
            double g = best(() -> MonteCarloPi.run(gil, Backend.JAVA_SCALAR, samples, 2));
            boolean lockSerializes = s / g < 1.3;
            boolean threadsScale = s / t >= 0.7 * n;
            return new Claim(7, "Under a global interpreter lock, only one thread computes at a time.",
                    "Monte Carlo pi in Java, " + millions(samples) + " samples: serial, threads(" + n + ") and gil(" + n + ")",
                    f("gil(%d) %.2fx, threads(%d) %.2fx the speed of serial", n, s / g, n, s / t),
                    lockSerializes && threadsScale ? Verdict.HOLDS_ONLY_UNDER_GIL
                            : lockSerializes ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD,
                    "the lock belongs to CPython's interpreter, not to threads: JVM threads have no such lock, so only "
                            + "the emulation makes CPU-bound threads take turns.",
                    Map.of("samples", (double) samples, "serial_seconds", s, "gil_speedup", s / g, "threads_speedup", s / t));
        }
    }

    Claim io() {
        int count = scale.requests();
        try (LatencyServer server = new LatencyServer(Duration.ofMillis(scale.latencyMillis()));
             Parallelism serial = Parallelism.serial(); Parallelism threads = Parallelism.threads(n);
             Parallelism gil = Parallelism.gil(n); Parallelism virtual = Parallelism.virtualThreads()) {
            List<Parallelism> all = List.of(serial, threads, gil, virtual, processes);
            all.forEach(p -> IoWorkload.requests(p, server, 2)); // connect once and warm up
            double[] t = new double[all.size()];
            for (int i = 0; i < all.size(); i++) {
                Parallelism p = all.get(i);
                t[i] = seconds(() -> IoWorkload.requests(p, server, count));
            }
            return new Claim(8, "Threads suit I/O-bound work: while one waits, another runs.",
                    count + " blocking requests to a loopback server that answers after " + scale.latencyMillis() + " ms",
                    f("serial %s, threads(%d) %s, gil(%d) %s, virtual threads %s, processes(%d) %s",
                            time(t[0]), n, time(t[1]), n, time(t[2]), time(t[3]), n, time(t[4])),
                    Verdict.of(t[1] < t[0] / (0.7 * n) && t[2] < t[0] / (0.7 * n)),
                    "a thread blocked on a socket needs no CPU and holds no lock, so n threads wait n times at once, even "
                            + "under the GIL; a virtual thread per request makes waiting nearly free.",
                    Map.of("serial_seconds", t[0], "threads_speedup", t[0] / t[1], "gil_speedup", t[0] / t[2],
                            "virtual_threads_speedup", t[0] / t[3], "processes_speedup", t[0] / t[4]));
        }
    }

    Claim nativeUnderGil() {
        long samples = scale.samples();
        int m = scale.gemmN();
        try (Parallelism serial = Parallelism.serial(); Parallelism gil = Parallelism.gil(n)) {
            double cSerial = best(() -> MonteCarloPi.run(serial, Backend.NATIVE, samples, 3));
            double cGil = best(() -> MonteCarloPi.run(gil, Backend.NATIVE, samples, 3));
            DenseMatrix a = DenseMatrix.allocate(gil.arena(), m, m).fillRandom(1);
            DenseMatrix b = DenseMatrix.allocate(gil.arena(), m, m).fillRandom(2);
            DenseMatrix c = DenseMatrix.allocate(gil.arena(), m, m);
            Blas obSerial = Corebound.blas(Backend.OPENBLAS);
            Blas obGil = Corebound.blas(Backend.OPENBLAS, gil);
            double bSerial = best(() -> obSerial.gemm(a, b, c));
            double bGil = best(() -> obGil.gemm(a, b, c));
            double cs = cSerial / cGil;
            double bs = bSerial / bGil;
            return new Claim(9, "Native libraries that release the lock escape it.",
                    "gil(" + n + ") against serial with native kernels: corebound's C Monte Carlo pi (" + millions(samples)
                            + " samples) and OpenBLAS dgemm (n = " + m + ")",
                    f("gil(%d) with NATIVE %.2fx and with OPENBLAS %.2fx the speed of serial", n, cs, bs),
                    Verdict.of(cs >= 0.7 * n && bs >= 0.7 * n),
                    "native calls run with the lock released, as NumPy's BLAS releases CPython's, so they use every "
                            + "core while Java arithmetic under the same lock would take turns.",
                    Map.of("native_gil_speedup", cs, "openblas_gil_speedup", bs, "gemm_n", (double) m));
        }
    }

    Claim jvmThreads() {
        Mandelbrot grid = Mandelbrot.classic(scale.grid(), scale.grid(), 256);
        try (Parallelism serial = Parallelism.serial(); Parallelism threads = Parallelism.threads(n)) {
            double s = best(() -> grid.iterations(serial, Backend.JAVA_SCALAR));
            double t = best(() -> grid.iterations(threads, Backend.JAVA_SCALAR));
            return new Claim(10, "On the JVM, threads run CPU-bound work in parallel with no global lock.",
                    "Mandelbrot in Java on a " + scale.grid() + " x " + scale.grid() + " grid: serial against threads(" + n + ")",
                    f("threads(%d) %.2fx faster than serial (%s against %s)", n, s / t, time(t), time(s)),
                    Verdict.of(s / t >= 0.7 * n),
                    "the JVM's compiler, memory model and garbage collector are built for threads that run at once; "
                            + "there is no interpreter lock to take.",
                    Map.of("serial_seconds", s, "threads_seconds", t, "speedup", s / t));
        }
    }

    // ---- measuring ----

    /** Runs tasks on a pool's workers directly: the experiments time the pool itself, not an operation on it. */
    private static double[] run(ProcessPool pool, List<Task> tasks) {
        return ParallelAccess.workers(pool).run(SCALAR, tasks);
    }

    /**
     * Seconds of the fastest of {@code repeats} timed runs, after as many
     * untimed runs to let the JIT compilers (in worker JVMs too) finish.
     */
    private double best(Runnable run) {
        for (int i = 0; i < scale.repeats(); i++) {
            run.run();
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < scale.repeats(); i++) {
            best = Math.min(best, seconds(run));
        }
        return best;
    }

    private static double seconds(Runnable run) {
        long t0 = System.nanoTime();
        run.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Median seconds of {@code k} runs. */
    private static double median(int k, Runnable run) {
        double[] t = new double[k];
        for (int i = 0; i < k; i++) {
            t[i] = seconds(run);
        }
        return median(t);
    }

    private static double median(double[] t) {
        double[] sorted = t.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Wall seconds for n threads running {@code body} at once. */
    private double timeThreads(Runnable body) {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(go);
                body.run();
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        threads.forEach(Experiments::join);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Resident memory of a process in KiB, as ps reports it (Linux and macOS). */
    private static long residentKiB(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes()).trim();
            ps.waitFor(10, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the resident memory of process " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinFor(Thread t, double seconds) {
        try {
            t.join(Duration.ofMillis((long) (seconds * 1000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String millions(long count) {
        return count >= 1_000_000 ? f("%.0f million", count / 1e6) : f("%,d", count);
    }

    private static String time(double seconds) {
        return ReportFiles.time(seconds);
    }
}
