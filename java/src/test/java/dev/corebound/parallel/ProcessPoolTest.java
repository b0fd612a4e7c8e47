package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.Blas;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.DenseVector;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.loader.NativeLibrary;
import dev.corebound.internal.parallel.GilContext;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.internal.parallel.Slices;
import dev.corebound.internal.parallel.Task;
import dev.corebound.internal.process.ProcessWorkers;
import dev.corebound.internal.process.WorkerCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static dev.corebound.parallel.ProcessFixtures.assertAllEnd;
import static dev.corebound.parallel.ProcessFixtures.assertWorks;
import static dev.corebound.parallel.ProcessFixtures.javaRunning;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker that crashes, hangs, is killed or fails a task is dealt with, the
 * call says why, and the next call on the same pool works.
 */
class ProcessPoolTest {

    private static final BackendKernels SCALAR = Kernels.of(Backend.JAVA_SCALAR);

    /** Runs one task on the pool's workers, as corebound's own code does. */
    private static double[] run(ProcessPool pool, Task task) {
        return ParallelAccess.workers(pool).run(SCALAR, List.of(task));
    }

    @Test
    void aSegfaultInNativeCodeKillsOnlyTheWorker() {
        try (ProcessPool pool = Parallelism.processes(1)) {
            long pid = pool.workerPids().get(0);
            WorkerFailedException e = assertThrows(WorkerFailedException.class,
                    () -> run(pool, new Task.Crash()));
            assertTrue(e.getMessage().contains("worker 0 (pid " + pid + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("SIGSEGV"), "names the signal: " + e.getMessage());
            assertNotEquals(pid, pool.workerPids().get(0), "the worker was replaced");
            assertEquals(1, pool.stats().workersReplaced());
            assertWorks(pool);
        }
    }

    @Test
    void aWorkerThatHangsIsKilledAtTheTimeout() {
        try (ProcessPool pool = Parallelism.processes(1, Duration.ofSeconds(1))) {
            WorkerFailedException e = assertThrows(WorkerFailedException.class,
                    () -> run(pool, new Task.Spin(-1)));
            assertTrue(e.getMessage().contains("exceeded the call timeout of PT1S"), e.getMessage());
            assertWorks(pool);
        }
    }

    @Test
    void aWorkerKilledDuringACallFailsThatCallOnly() throws Exception {
        try (ProcessPool pool = Parallelism.processes(1)) {
            long pid = pool.workerPids().get(0);
            CompletableFuture<double[]> call = CompletableFuture.supplyAsync(() -> run(pool, new Task.Spin(-1)));
            Thread.sleep(300);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            Exception e = assertThrows(Exception.class, () -> call.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof WorkerFailedException, String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains("killed by signal 9 (SIGKILL)"), e.getCause().getMessage());
            assertWorks(pool);
        }
    }

    @Test
    void aWorkerThatDiedBetweenCallsIsReplacedBeforeTheNext() throws Exception {
        try (ProcessPool pool = Parallelism.processes(1)) {
            ProcessHandle worker = ProcessHandle.of(pool.workerPids().get(0)).orElseThrow();
            worker.destroyForcibly();
            worker.onExit().get(10, TimeUnit.SECONDS);
            assertWorks(pool);
            assertEquals(1, pool.stats().workersReplaced());
        }
    }

    @Test
    void aFailingOperationInAWorkerIsReportedAndTheWorkerStays() {
        try (ProcessPool pool = Parallelism.processes(1)) {
            long pid = pool.workerPids().get(0);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> run(pool, new Task.Requests(1, 1)));
            assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
            assertEquals(pid, pool.workerPids().get(0));
        }
    }

    @Test
    void anErrorMessageOfAMebibyteIsReportedAndTheWorkerStays() {
        WorkerCommand longError = (dir, vector) -> javaRunning(LongErrorWorker.class, dir.toString());
        try (ProcessPool pool = new ProcessPool(new ProcessWorkers(1, Duration.ofMinutes(1), longError,
                ProcessFixtures.PATIENCE))) {
            long pid = pool.workerPids().get(0);
            DenseVector x = DenseVector.allocate(pool.arena(), 1000).fill(1);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Corebound.blas(Backend.NATIVE, pool).sum(x));
            assertTrue(e.getMessage().length() > LongErrorWorker.PATH_LENGTH, "the whole message came back");
            assertTrue(e.getMessage().contains("BackendUnavailableException")
                    && e.getMessage().contains(NativeLibrary.PATH_PROPERTY), e.getMessage().substring(0, 300));
            assertEquals(List.of(pid), pool.workerPids(), "the worker stayed");
            assertWorks(pool);
        }
    }

    /** While {@code broken}, every launch after the first runs {@code instead} of a worker. */
    private static WorkerCommand brokenAfterTheFirst(AtomicBoolean broken, List<String> instead) {
        AtomicInteger launches = new AtomicInteger();
        return (dir, vector) -> launches.incrementAndGet() > 1 && broken.get()
                ? instead
                : WorkerCommand.standard().command(dir, vector);
    }

    private static List<ProcessHandle> sleeping() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().filter(c -> c.endsWith("sleep")).isPresent()).toList();
    }

    @Test
    void aReplacementThatFailsIsStoppedAtOnceAndItsSlotIsFilledByTheNextCall() throws Exception {
        // At the limit, so that no spare hides the replacement's start.
        ProcessFixtures.withLimit("1", this::replacementThatHangs);
    }

    private void replacementThatHangs() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        try (ProcessPool pool = new ProcessPool(new ProcessWorkers(1, Duration.ofMinutes(1),
                brokenAfterTheFirst(broken, List.of("sleep", "600")), Duration.ofSeconds(3)))) {
            long first = pool.workerPids().get(0);
            CompletableFuture<double[]> call = CompletableFuture.supplyAsync(() -> run(pool, new Task.Spin(-1)));
            Thread.sleep(300);
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            Exception e = assertThrows(Exception.class, () -> call.get(30, TimeUnit.SECONDS));
            WorkerFailedException failure = (WorkerFailedException) e.getCause();
            assertTrue(failure.getMessage().contains("killed by signal 9"), failure.getMessage());
            assertEquals(1, failure.getSuppressed().length, "the failed replacement is reported with the failure");
            assertTrue(failure.getSuppressed()[0].getMessage().contains("did not say hello within PT3S"),
                    failure.getSuppressed()[0].getMessage());
            assertAllEnd(sleeping(), "the replacements that never said hello");
            assertEquals(List.of(), pool.workerPids(), "the dead worker went back into its slot");

            broken.set(false);
            assertWorks(pool);
            assertEquals(1, pool.workerPids().size());
            assertNotEquals(first, pool.workerPids().get(0));
        }
    }

    @Test
    void aWorkerFoundDeadWhoseReplacementFailsFailsTheCallAndTheNextCallReplacesIt() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        try (ProcessPool pool = new ProcessPool(new ProcessWorkers(1, Duration.ofMinutes(1),
                brokenAfterTheFirst(broken, List.of("/bin/sh", "-c", "echo 'out of memory' >&2; exit 3")),
                ProcessFixtures.PATIENCE))) {
            ProcessHandle first = ProcessHandle.of(pool.workerPids().get(0)).orElseThrow();
            first.destroyForcibly();
            first.onExit().get(10, TimeUnit.SECONDS);
            WorkerFailedException e = assertThrows(WorkerFailedException.class, () -> assertWorks(pool));
            assertTrue(e.getMessage().contains("exit code 3") && e.getMessage().contains("out of memory"), e.getMessage());
            assertEquals(List.of(), pool.workerPids(), "the dead worker went back into its slot");

            broken.set(false);
            assertWorks(pool);
            assertNotEquals(first.pid(), pool.workerPids().get(0));
        }
    }

    @Test
    void eightCallersSharingAPoolGetWhatOneCallerGetsBitForBit() throws Exception {
        try (ProcessPool pool = Parallelism.processes(2)) {
            int n = 3 * (int) Slices.LEVEL1 + 1001;
            DenseVector x = DenseVector.allocate(pool.arena(), n).fillRandom(1);
            DenseVector y = DenseVector.allocate(pool.arena(), n).fillRandom(2);
            DenseMatrix a = DenseMatrix.allocate(pool.arena(), 300, 200).fillRandom(3);
            DenseMatrix b = DenseMatrix.allocate(pool.arena(), 200, 300).fillRandom(4);
            Function<Backend, double[]> work = backend -> {
                Blas blas = Corebound.blas(backend, pool);
                DenseMatrix c = DenseMatrix.allocate(pool.arena(), 300, 300);
                blas.gemm(a, b, c);
                List<Double> out = new ArrayList<>(List.of(blas.dot(x, y), blas.asum(x), blas.nrm2(y), blas.sum(y)));
                for (double v : c.toArray()) {
                    out.add(v);
                }
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            };
            for (Backend backend : List.of(Backend.JAVA_SCALAR, Backend.NATIVE)) {
                double[] alone = work.apply(backend);
                ExecutorService callers = Executors.newFixedThreadPool(8);
                try {
                    List<Future<double[]>> shared = new ArrayList<>();
                    for (int i = 0; i < 8 * 2; i++) {
                        shared.add(callers.submit(() -> work.apply(backend)));
                    }
                    for (Future<double[]> f : shared) {
                        assertArrayEquals(alone, f.get(), backend + ": a caller among eight got other bits");
                    }
                } finally {
                    callers.shutdownNow();
                }
            }
            assertEquals(0, pool.stats().workersReplaced());
        }
    }

    @Test
    void crashingIsRefusedOutsideAWorker() {
        assertThrows(IllegalStateException.class, () -> new Task.Crash().run(SCALAR, GilContext.NONE));
    }
}
