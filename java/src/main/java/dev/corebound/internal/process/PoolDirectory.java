package dev.corebound.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pool's private directory, holding its shared memory and its workers'
 * logs, and the sweep that removes the directories of pools whose JVM is gone.
 *
 * <p>The name says whose it is: {@code corebound-pool-<pid>-<start>-<random>},
 * with the pid and the {@link ProcessStart start} of the JVM that made it, so
 * that a pid the system gave to another process since does not pass for the
 * owner. Before it makes its own directory, a pool deletes every directory of
 * that form whose owner is gone: the backstop for the rare death that even the
 * {@link DirectoryTracker} does not survive (a kill of every process at once).
 * Directories of live pools, and anything not named this way, are left alone.
 */
public final class PoolDirectory {

    private static final String PREFIX = "corebound-pool-";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-(\\d+)-\\d+");
    private static final System.Logger LOG = System.getLogger(PoolDirectory.class.getName());

    private PoolDirectory() {
    }

    /** Where pools put their directories: /dev/shm where it exists (memory, never disk), else the temp directory. */
    public static Path parent() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** The name prefix of a directory made now by process {@code pid}, or a prefix no sweep matches when its start is unknown. */
    public static String prefix(long pid, OptionalLong start) {
        return start.isPresent() ? PREFIX + pid + "-" + start.getAsLong() + "-" : PREFIX;
    }

    /** Sweeps {@link #parent()}, then makes a new directory there that only this user can enter. */
    static Path create() {
        Path parent = parent();
        sweep(parent);
        long pid = ProcessHandle.current().pid();
        try {
            return Files.createTempDirectory(parent, prefix(pid, ProcessStart.of(pid)),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the pool's shared-memory directory in " + parent + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes the pool directories in {@code parent} whose owner is gone, and returns them. */
    public static List<Path> sweep(Path parent) {
        List<Path> swept = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : entries) {
                Matcher m = OWNED.matcher(dir.getFileName().toString());
                if (m.matches() && ownerGone(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))
                        && delete(dir)) {
                    swept.add(dir);
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not sweep {0}: {1}", parent, e.getMessage());
        }
        if (!swept.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "removed the directories of pools whose JVM is gone: {0}", swept);
        }
        return swept;
    }

    /** True when no process with this pid and start runs; a process whose start cannot be read counts as running. */
    private static boolean ownerGone(long pid, long start) {
        OptionalLong actual = ProcessStart.of(pid);
        if (actual.isPresent()) {
            return actual.getAsLong() != start;
        }
        return ProcessHandle.of(pid).isEmpty();
    }

    /** Deletes the files in {@code dir} (a pool's directory has no subdirectories), then {@code dir}; true when it is gone. */
    static boolean delete(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
            return true;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete {0}: {1}", dir, e.getMessage());
            return !Files.exists(dir);
        }
    }
}
