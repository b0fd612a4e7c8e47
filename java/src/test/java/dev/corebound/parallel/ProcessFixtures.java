package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseVector;
import dev.corebound.Platform;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.internal.process.PoolLimit;
import dev.corebound.internal.process.ProcessWorkers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the process-pool tests share: a call that computes, JVMs on the test class path, and watching processes end. */
final class ProcessFixtures {

    /** Long enough for any process here to end or start on a busy machine, short enough to fail a test in time. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private ProcessFixtures() {
    }

    /** A test's body. */
    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} with the system property that sets the pool limit set to {@code max}. */
    static void withLimit(String max, Body body) throws Exception {
        String before = System.getProperty(PoolLimit.PROPERTY);
        System.setProperty(PoolLimit.PROPERTY, max);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(PoolLimit.PROPERTY);
            } else {
                System.setProperty(PoolLimit.PROPERTY, before);
            }
        }
    }

    /** A call that needs the worker to compute: the sum of 1..1000 in shared memory. */
    static void assertWorks(ProcessPool pool) {
        DenseVector x = DenseVector.allocate(pool.arena(), 1000);
        for (int i = 0; i < 1000; i++) {
            x.set(i, i + 1);
        }
        assertEquals(500500.0, Corebound.blas(Backend.JAVA_SCALAR, pool).sum(x));
    }

    /** The engine behind a pool, for its test hooks (the spare). */
    static ProcessWorkers engine(ProcessPool pool) {
        return (ProcessWorkers) ParallelAccess.workers(pool);
    }

    /** A command that runs {@code main} in a new JVM on this test JVM's class path. */
    static List<String> javaRunning(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Platform.javaLauncher(), "--enable-native-access=ALL-UNNAMED",
                "-XX:-CreateCoredumpOnCrash", "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Every process this JVM started, directly or not, that still runs. */
    static Set<ProcessHandle> descendants() {
        return ProcessHandle.current().descendants().collect(Collectors.toCollection(HashSet::new));
    }

    /** Processes started since {@code before} was taken, dead or alive. */
    static Set<ProcessHandle> startedSince(Set<ProcessHandle> before) {
        Set<ProcessHandle> now = descendants();
        now.removeAll(before);
        return now;
    }

    static void assertAllEnd(Collection<ProcessHandle> processes, String what) {
        assertTrue(eventually(() -> processes.stream().noneMatch(ProcessHandle::isAlive)),
                what + " still running: " + processes.stream().filter(ProcessHandle::isAlive)
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
    }

    /** True once {@code condition} holds, polling for up to {@link #PATIENCE}. */
    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The pool directories this JVM owns in {@code parent} now. */
    static Set<Path> poolDirectoriesOfThisJvm(Path parent) throws IOException {
        Set<Path> dirs = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
                "corebound-pool-" + ProcessHandle.current().pid() + "-*")) {
            entries.forEach(dirs::add);
        }
        return dirs;
    }
}
