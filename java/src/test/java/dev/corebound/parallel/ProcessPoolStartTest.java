package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseVector;
import dev.corebound.internal.process.PoolDirectory;
import dev.corebound.internal.process.PoolLimit;
import dev.corebound.internal.process.ProcessWorkers;
import dev.corebound.internal.process.WorkerCommand;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.corebound.parallel.ProcessFixtures.assertAllEnd;
import static dev.corebound.parallel.ProcessFixtures.assertWorks;
import static dev.corebound.parallel.ProcessFixtures.descendants;
import static dev.corebound.parallel.ProcessFixtures.engine;
import static dev.corebound.parallel.ProcessFixtures.poolDirectoriesOfThisJvm;
import static dev.corebound.parallel.ProcessFixtures.startedSince;
import static dev.corebound.parallel.ProcessFixtures.withLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pool is bounded, its workers start at once, a start that fails fails the
 * pool at once with nothing left running, and a worker gets a lean command.
 */
class ProcessPoolStartTest {

    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(1);

    /** A pool of {@code size} whose workers start with {@code command}. */
    private static ProcessPool pool(int size, WorkerCommand command, Duration startTimeout) {
        return new ProcessPool(new ProcessWorkers(size, CALL_TIMEOUT, command, startTimeout));
    }

    @Test
    void tooManyWorkersAreRefusedBeforeAnyStartsWithTheLimitAndHowToRaiseIt() throws IOException {
        int max = ProcessPool.maxWorkers();
        assertTrue(max >= 1 && max <= 4 * Runtime.getRuntime().availableProcessors(), "limit " + max);
        Set<ProcessHandle> before = descendants();
        Set<Path> dirsBefore = poolDirectoriesOfThisJvm(PoolDirectory.parent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallelism.processes(max + 1));
        assertTrue(e.getMessage().contains("at most " + max), e.getMessage());
        assertTrue(e.getMessage().contains("per core"), "says how the limit is worked out: " + e.getMessage());
        assertTrue(e.getMessage().contains("-D" + PoolLimit.PROPERTY + "=" + (max + 1)), e.getMessage());
        assertEquals(Set.of(), startedSince(before), "nothing started");
        assertEquals(dirsBefore, poolDirectoriesOfThisJvm(PoolDirectory.parent()), "no directory made");
        assertThrows(IllegalArgumentException.class, () -> Parallelism.parse("processes(10000)"));
    }

    @Test
    void theSpareCountsAgainstTheLimit() throws Exception {
        withLimit("2", () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallelism.processes(3));
            assertTrue(e.getMessage().contains("at most 2 (as " + PoolLimit.PROPERTY + " says)"), e.getMessage());
            try (ProcessPool full = Parallelism.processes(2)) {
                assertFalse(engine(full).awaitSpare(Duration.ofSeconds(1)), "a pool at the limit keeps no spare");
                assertWorks(full);
            }
            try (ProcessPool roomy = Parallelism.processes(1)) {
                assertTrue(engine(roomy).awaitSpare(ProcessFixtures.PATIENCE), "a pool below the limit keeps a spare");
            }
        });
        withLimit("none", () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ProcessPool::maxWorkers);
            assertTrue(e.getMessage().contains(PoolLimit.PROPERTY + " must be a whole number"), e.getMessage());
        });
    }

    @Test
    void workersStartAtOnce() throws IOException {
        // Each worker waits, before it starts its JVM, until three have been launched: one after another they never would.
        Path barrier = Files.createTempDirectory("corebound-barrier-");
        WorkerCommand meetFirst = (dir, vector) -> {
            List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c",
                    "touch \"$0/$$\"; while [ $(ls \"$0\" | wc -l) -lt 3 ]; do sleep 0.05; done; exec \"$@\"",
                    barrier.toString()));
            cmd.addAll(WorkerCommand.standard().command(dir, vector));
            return cmd;
        };
        try (ProcessPool pool = pool(3, meetFirst, Duration.ofSeconds(20))) {
            assertEquals(3, pool.workerPids().size());
            assertWorks(pool);
        } finally {
            try (var files = Files.list(barrier)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(barrier);
        }
    }

    @Test
    void aWorkerThatExitsAtStartFailsThePoolAtOnceAndNothingIsLeft() throws IOException {
        AtomicInteger launched = new AtomicInteger();
        WorkerCommand secondFails = (dir, vector) -> launched.incrementAndGet() == 2
                ? List.of("/bin/sh", "-c", "echo 'no room for a JVM' >&2; exit 7")
                : WorkerCommand.standard().command(dir, vector);
        Set<ProcessHandle> before = descendants();
        Set<Path> dirsBefore = poolDirectoriesOfThisJvm(PoolDirectory.parent());
        long t0 = System.nanoTime();
        WorkerFailedException e = assertThrows(WorkerFailedException.class,
                () -> pool(3, secondFails, Duration.ofMinutes(5)));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(e.getMessage().contains("exit code 7") && e.getMessage().contains("no room for a JVM"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofMinutes(1)) < 0, "waited " + took + " for workers that had started");
        assertAllEnd(startedSince(before), "processes of the failed pool");
        assertEquals(dirsBefore, poolDirectoriesOfThisJvm(PoolDirectory.parent()), "the failed pool's directory is left");
    }

    @Test
    void aWorkerThatNeverSaysHelloFailsThePoolAtTheStartTimeoutAndNothingIsLeft() {
        WorkerCommand silent = (dir, vector) -> List.of("sleep", "600");
        Set<ProcessHandle> before = descendants();
        WorkerFailedException e = assertThrows(WorkerFailedException.class,
                () -> pool(2, silent, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("did not say hello within PT1S"), e.getMessage());
        assertAllEnd(startedSince(before), "processes of the failed pool");
    }

    @Test
    void aWorkerGetsOnlyWhatItNeedsAndTheVectorApiWhenATaskNeedsIt() {
        try (ProcessPool pool = Parallelism.processes(2)) {
            List<String> args = arguments(pool.workerPids().get(0));
            String classPath = args.get(args.indexOf("-cp") + 1);
            List<String> entries = Arrays.asList(classPath.split(File.pathSeparator));
            assertTrue(entries.stream().noneMatch(p -> p.contains("junit") || p.contains("test-classes")),
                    "test classes and their libraries on a worker's class path: " + classPath);
            assertTrue(entries.stream().anyMatch(p -> p.contains("javacpp")), "JavaCPP for OPENBLAS_JNI: " + classPath);
            assertTrue(args.stream().noneMatch(a -> a.contains("jdk.incubator.vector")), "started with the Vector API: " + args);
            assertTrue(args.contains("-XX:+UseSerialGC"), "the serial collector: " + args);

            List<Long> lean = pool.workerPids();
            DenseVector x = DenseVector.allocate(pool.arena(), 100_000).fillRandom(3);
            double vectorDot = Corebound.blas(Backend.JAVA_VECTOR, pool).dot(x, x);
            try (ThreadPool threads = Parallelism.threads(2)) {
                assertEquals(Corebound.blas(Backend.JAVA_VECTOR, threads).dot(x, x), vectorDot, 0.0, "the same slices");
            }
            for (long pid : pool.workerPids()) {
                assertFalse(lean.contains(pid), "a worker without the Vector API ran JAVA_VECTOR");
                assertTrue(arguments(pid).contains("--add-modules=jdk.incubator.vector"), "worker " + pid);
            }
            assertEquals(0, pool.stats().workersReplaced(), "adding the Vector API is not a failure");
            assertWorks(pool);
        }
    }

    private static List<String> arguments(long pid) {
        return Arrays.asList(ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow());
    }

    @Test
    void theSpareIsHandedOverWhenAWorkerDies() throws Exception {
        try (ProcessPool pool = Parallelism.processes(1)) {
            assertTrue(engine(pool).awaitSpare(ProcessFixtures.PATIENCE));
            long spare = engine(pool).sparePid().orElseThrow();
            ProcessHandle worker = ProcessHandle.of(pool.workerPids().get(0)).orElseThrow();
            assertNotEquals(spare, worker.pid());
            worker.destroyForcibly();
            worker.onExit().get();
            assertWorks(pool);
            assertEquals(List.of(spare), pool.workerPids(), "the spare took the dead worker's slot");
            assertEquals(1, pool.stats().workersReplaced());
            assertTrue(engine(pool).awaitSpare(ProcessFixtures.PATIENCE), "a new spare started");
            assertNotEquals(spare, engine(pool).sparePid().orElseThrow());
        }
    }
}
