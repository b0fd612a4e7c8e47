package dev.corebound.internal.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A class data sharing (CDS) archive of the classes a worker JVM loads before
 * it says hello, so that workers start faster: on the machine this was written
 * on, a worker's hello came after a median of 180 to 210 ms without an
 * archive and 110 ms with one (eight starts each, the whole corebound jar on
 * the class path).
 *
 * <p>The archive depends on the JDK, the class path and the flags, and is kept
 * in an owner-only cache directory. When it is missing, a pool starts its
 * workers without it and launches a short builder JVM ({@link #main}) that
 * records the classes a worker loads, dumps the archive and puts it in place
 * for later pools; a lock file keeps builders from racing. CDS needs a class
 * path of jar files; with directories on it workers start without an archive.
 * The system property {@value #PROPERTY}{@code =false} turns it off.
 */
final class WorkerArchive {

    /** System property: false to start workers without a CDS archive. */
    static final String PROPERTY = "corebound.worker.cds";

    private static final System.Logger LOG = System.getLogger(WorkerArchive.class.getName());
    /** A lock older than this belongs to a builder that died. */
    private static final Duration STALE_LOCK = Duration.ofMinutes(5);
    /** How long a build, or a step of one, may take. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);

    private WorkerArchive() {
    }

    /**
     * The archive for workers started with {@code java flags -cp classPath},
     * if it exists; otherwise launches a builder for it and returns empty, or,
     * when {@code wait} is true, waits for the builder and returns the result.
     */
    static Optional<Path> forWorkers(String java, List<String> flags, String classPath, boolean wait) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || classPath.isEmpty() || !Arrays.stream(classPath.split(File.pathSeparator))
                .allMatch(p -> p.endsWith(".jar") && Files.isRegularFile(Path.of(p)))) {
            return Optional.empty();
        }
        try {
            Path dir = cacheDirectory();
            Path archive = dir.resolve("worker-" + key(java, flags, classPath) + ".jsa");
            if (Files.isRegularFile(archive)) {
                return Optional.of(archive);
            }
            if (lock(archive)) {
                List<String> builder = new ArrayList<>(List.of(java, "-cp", classPath, WorkerArchive.class.getName(),
                        archive.toString(), java, classPath));
                builder.addAll(flags);
                Process p = start(builder);
                if (wait && !p.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } else if (wait) {
                awaitOtherBuilder(archive);
            }
            if (wait && Files.isRegularFile(archive)) {
                return Optional.of(archive);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "no CDS archive for workers: {0}", e.getMessage());
        }
        return Optional.empty();
    }

    /** Waits while another JVM's builder holds the lock and the archive is not there yet. */
    private static void awaitOtherBuilder(Path archive) throws InterruptedException {
        Instant giveUp = Instant.now().plus(BUILD_TIMEOUT);
        while (!Files.isRegularFile(archive) && Files.exists(lockFile(archive)) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
    }

    private static Path lockFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".lock");
    }

    /** Takes the build lock for an archive, breaking one left by a builder that died. */
    private static boolean lock(Path archive) throws IOException {
        Path lock = lockFile(archive);
        try {
            Files.createFile(lock);
            return true;
        } catch (FileAlreadyExistsException e) {
            FileTime taken = Files.getLastModifiedTime(lock);
            if (taken.toInstant().isBefore(Instant.now().minus(STALE_LOCK))) {
                Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
                return true;
            }
            return false;
        }
    }

    private static Path cacheDirectory() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "corebound-cds-" + System.getProperty("user.name"));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return dir;
    }

    /** A digest of everything the archive depends on: the JDK, the flags, and each jar's path, size and time. */
    private static String key(String java, List<String> flags, String classPath) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((java + "\n" + Runtime.version() + "\n" + String.join(" ", flags)).getBytes(StandardCharsets.UTF_8));
            for (String jar : classPath.split(File.pathSeparator)) {
                Path p = Path.of(jar);
                sha.update((jar + Files.size(p) + Files.getLastModifiedTime(p)).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The builder: records the classes a worker loads up to hello (a worker
     * whose stdin is closed says hello and exits), dumps a static archive of
     * them, and moves it into place.
     *
     * <p>Arguments: the archive path, the java launcher, the class path, then the worker's flags.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path archive = Path.of(args[0]);
        String java = args[1];
        String classPath = args[2];
        List<String> flags = List.of(args).subList(3, args.length);
        Path classes = archive.resolveSibling(archive.getFileName() + ".classes");
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        try {
            List<String> record = new ArrayList<>(List.of(java));
            record.addAll(flags);
            record.addAll(List.of("-XX:DumpLoadedClassList=" + classes, "-cp", classPath, WorkerMain.class.getName(),
                    System.getProperty("java.io.tmpdir")));
            List<String> dump = new ArrayList<>(List.of(java));
            dump.addAll(flags);
            dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classes, "-XX:SharedArchiveFile=" + partial,
                    "-cp", classPath));
            if (run(record) && run(dump)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(classes);
            Files.deleteIfExists(partial);
            Files.deleteIfExists(lockFile(archive));
        }
    }

    /** Starts a command with stdin closed and output discarded. */
    private static Process start(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        return p;
    }

    /** Runs a command with stdin closed and output discarded; true when it succeeded in time. */
    private static boolean run(List<String> command) throws IOException, InterruptedException {
        Process p = start(command);
        if (!p.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }
}
