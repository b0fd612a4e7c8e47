package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseVector;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.parallel.GilContext;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.internal.parallel.Task;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A worker that crashes, hangs or is killed is replaced, the call says why, and the next call works. */
class ProcessPoolTest {

    private static final BackendKernels SCALAR = Kernels.of(Backend.JAVA_SCALAR);

    /** Runs one task on the pool's workers, as corebound's own code does. */
    private static double[] run(ProcessPool pool, Task task) {
        return ParallelAccess.workers(pool).run(SCALAR, List.of(task));
    }

    /** A call that needs the worker to compute: the sum of 1..1000 in shared memory. */
    private static void assertWorks(ProcessPool pool) {
        DenseVector x = DenseVector.allocate(pool.arena(), 1000);
        for (int i = 0; i < 1000; i++) {
            x.set(i, i + 1);
        }
        assertEquals(500500.0, Corebound.blas(Backend.JAVA_SCALAR, pool).sum(x));
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
    void closeLeavesNoProcessAndNoFile() {
        ProcessPool pool = Parallelism.processes(2);
        assertWorks(pool);
        List<ProcessHandle> workers = pool.workerPids().stream().map(p -> ProcessHandle.of(p).orElseThrow()).toList();
        Path dir = pool.directory();
        assertTrue(Files.isDirectory(dir));
        pool.close();
        for (ProcessHandle w : workers) {
            assertFalse(w.isAlive(), "worker " + w.pid() + " outlived close()");
        }
        assertTrue(ProcessHandle.current().children().noneMatch(c -> workers.stream().anyMatch(w -> w.pid() == c.pid())));
        assertFalse(Files.exists(dir), dir + " outlived close()");
        assertThrows(IllegalStateException.class, () -> run(pool, new Task.Ping()));
    }

    @Test
    void crashingIsRefusedOutsideAWorker() {
        assertThrows(IllegalStateException.class, () -> new Task.Crash().run(SCALAR, GilContext.NONE));
    }
}
