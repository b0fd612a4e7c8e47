package dev.corebound.parallel;

import dev.corebound.internal.process.PoolDirectory;
import dev.corebound.internal.process.ProcessStart;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.corebound.parallel.ProcessFixtures.assertAllEnd;
import static dev.corebound.parallel.ProcessFixtures.assertWorks;
import static dev.corebound.parallel.ProcessFixtures.descendants;
import static dev.corebound.parallel.ProcessFixtures.eventually;
import static dev.corebound.parallel.ProcessFixtures.javaRunning;
import static dev.corebound.parallel.ProcessFixtures.startedSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No shared memory and no worker outlives the JVM that owns a pool, however
 * that JVM ends, and cleaning up after one pool never touches another's files.
 */
class ProcessPoolCleanupTest {

    /** A JVM holding a pool whose workers computed on its shared memory, the pool's directory, and where a crash reports. */
    private record Holder(Process process, Path directory, Path crashReports) implements AutoCloseable {

        static Holder start() throws IOException {
            Path crashReports = Files.createTempDirectory("corebound-holder-");
            List<String> cmd = javaRunning(PoolHolder.class);
            cmd.add(1, "-XX:ErrorFile=" + crashReports.resolve("hs_err_pid%p.log"));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Holder holder = new Holder(p, line == null ? null : Path.of(line), crashReports);
            if (line == null) {
                holder.close();
                throw new IllegalStateException("the holder JVM ended before its pool was ready");
            }
            assertTrue(Files.isRegularFile(holder.directory.resolve("chunk-0")), "the holder's shared memory is in " + line);
            return holder;
        }

        static Holder startUnchecked() {
            try {
                return start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void tell(String how) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((how + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        Set<ProcessHandle> family() {
            Set<ProcessHandle> all = new HashSet<>(process.descendants().toList());
            all.add(process.toHandle());
            return all;
        }

        /** Kills the holder if it still runs and deletes its crash report. */
        @Override
        public void close() throws IOException {
            process.destroyForcibly();
            try (Stream<Path> reports = Files.list(crashReports)) {
                for (Path r : reports.toList()) {
                    Files.delete(r);
                }
            }
            Files.delete(crashReports);
        }
    }

    /** The ways a JVM ends: killed (as the OOM killer does), terminated, exiting without close(), crashing in C. */
    private static final List<String> ENDINGS = List.of("SIGKILL", "SIGTERM", "exit", "crash");

    @Test
    void anOwnerThatEndsAnyWayLeavesNoDirectoryAndNoWorkerAndAnotherPoolCarriesOn() throws Exception {
        try (ProcessPool mine = Parallelism.processes(1)) {
            assertWorks(mine);
            // One holder per ending, all at once: they are independent, and a test of one after another takes long.
            List<CompletableFuture<Holder>> starting = ENDINGS.stream()
                    .map(how -> CompletableFuture.supplyAsync(Holder::startUnchecked)).toList();
            try {
                List<Holder> holders = starting.stream().map(CompletableFuture::join).toList();
                List<Set<ProcessHandle>> families = holders.stream().map(Holder::family).toList();
                for (int i = 0; i < holders.size(); i++) {
                    assertTrue(families.get(i).size() >= 4, "the holder, its worker, its spare and its tracker: " + families.get(i));
                    end(holders.get(i), ENDINGS.get(i));
                }
                for (int i = 0; i < holders.size(); i++) {
                    Holder holder = holders.get(i);
                    String how = ENDINGS.get(i);
                    assertTrue(holder.process().waitFor(ProcessFixtures.PATIENCE.toSeconds(), TimeUnit.SECONDS), how);
                    assertTrue(eventually(() -> !Files.exists(holder.directory())),
                            holder.directory() + " outlived its owner, ended by " + how);
                    assertAllEnd(families.get(i), "the processes of an owner ended by " + how);
                }
            } finally {
                for (CompletableFuture<Holder> started : starting) {
                    Holder holder = started.exceptionally(e -> null).join();
                    if (holder != null) {
                        holder.close();
                    }
                }
            }
            assertTrue(Files.isRegularFile(mine.directory().resolve("chunk-0")), "the other pool's memory was touched");
            assertWorks(mine);
        }
    }

    private static void end(Holder holder, String how) throws IOException {
        switch (how) {
            case "SIGKILL" -> holder.process().destroyForcibly();
            case "SIGTERM" -> holder.process().destroy();
            default -> holder.tell(how);
        }
    }

    @Test
    void whenTheTrackerDiesWithItsOwnerTheNextPoolSweepsTheDirectory() throws Exception {
        try (ProcessPool mine = Parallelism.processes(1)) {
            assertWorks(mine);
            try (Holder holder = Holder.start()) {
                Set<ProcessHandle> family = holder.family();
                // Everything at once, as a kill of the whole process group or cgroup would: the tracker goes first.
                List<ProcessHandle> children = holder.process().descendants().toList();
                children.forEach(ProcessHandle::destroyForcibly);
                assertAllEnd(children, "the holder's children");
                holder.process().destroyForcibly();
                assertAllEnd(family, "the holder's processes");
                assertTrue(Files.exists(holder.directory()), "nothing was left for the sweep to find");

                try (ProcessPool next = Parallelism.processes(1)) {
                    assertFalse(Files.exists(holder.directory()), "the new pool did not sweep " + holder.directory());
                    assertWorks(next);
                }
            }
            assertTrue(Files.isRegularFile(mine.directory().resolve("chunk-0")), "the sweep touched a live pool");
            assertWorks(mine);
        }
    }

    @Test
    void theSweepTakesOnlyDirectoriesWhoseOwnerIsGone() throws Exception {
        Path parent = PoolDirectory.parent();
        long me = ProcessHandle.current().pid();
        OptionalLong myStart = ProcessStart.of(me);
        assertTrue(myStart.isPresent(), "this JVM's start");
        Process ended = new ProcessBuilder("sleep", "60").start();
        OptionalLong endedStart = ProcessStart.of(ended.pid());
        ended.destroyForcibly().waitFor();

        Path ofEndedOwner = fakePool(parent, PoolDirectory.prefix(ended.pid(), endedStart) + "1");
        Path ofRecycledPid = fakePool(parent, PoolDirectory.prefix(me, OptionalLong.of(myStart.getAsLong() + 1)) + "2");
        Path ofLiveOwner = fakePool(parent, PoolDirectory.prefix(me, myStart) + "3");
        Path notOwned = fakePool(parent, "corebound-pool-" + me + "4");
        Path notOurs = fakePool(parent, "corebound-poolside-" + me + "-" + myStart.getAsLong() + "-5");
        try {
            List<Path> swept = PoolDirectory.sweep(parent);
            assertTrue(swept.containsAll(List.of(ofEndedOwner, ofRecycledPid)), "swept " + swept);
            assertFalse(Files.exists(ofEndedOwner));
            assertFalse(Files.exists(ofRecycledPid), "a new process with the owner's pid passed for the owner");
            for (Path kept : List.of(ofLiveOwner, notOwned, notOurs)) {
                assertTrue(Files.isRegularFile(kept.resolve("chunk-0")), kept + " was touched");
            }
        } finally {
            for (Path p : List.of(ofEndedOwner, ofRecycledPid, ofLiveOwner, notOwned, notOurs)) {
                Files.deleteIfExists(p.resolve("chunk-0"));
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path fakePool(Path parent, String name) throws IOException {
        Path dir = Files.createDirectory(parent.resolve(name));
        Files.writeString(dir.resolve("chunk-0"), "data");
        return dir;
    }

    @Test
    void closeLeavesNoProcessAndNoFile() {
        Set<ProcessHandle> before = descendants();
        ProcessPool pool = Parallelism.processes(2);
        assertWorks(pool);
        assertTrue(ProcessFixtures.engine(pool).awaitSpare(ProcessFixtures.PATIENCE), "the spare started");
        Set<ProcessHandle> started = startedSince(before);
        assertEquals(4, started.size(), "two workers, a spare and a tracker: " + started);
        Path dir = pool.directory();
        assertTrue(Files.isDirectory(dir));
        pool.close();
        started.forEach(p -> assertFalse(p.isAlive(), p.pid() + " " + p.info().commandLine().orElse("") + " outlived close()"));
        assertFalse(Files.exists(dir), dir + " outlived close()");
        assertThrows(IllegalStateException.class, () -> assertWorks(pool));
    }
}
