package dev.corebound.internal.process;

import dev.corebound.Backend;
import dev.corebound.internal.parallel.Task;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
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
 * The archive a worker JVM starts from, with the classes a worker loads
 * before its hello and for its first calls already parsed (and, with an AOT
 * cache, loaded and linked), so that it starts faster. From JDK 24 on it is
 * an ahead-of-time cache (JEP 483; in JDK 25 with method profiles, JEP 515),
 * before that a class data sharing (CDS) archive of the same classes. On the
 * machine this was written on (2 cores, JDK 25), a worker said hello after a
 * median of 197 ms without an archive and 131 ms with one, and had answered
 * its first call at 132 ms (161 ms with an archive of what it loads before its
 * hello only); a bare JVM printing hello took 125 ms, measured in turns.
 *
 * <p>The archive depends on the JDK, the class path and the flags, and is kept
 * in an owner-only cache directory. When it is missing, a pool starts its
 * workers without it and launches a short builder JVM ({@link #main}) that
 * runs a worker once, giving it a pool's first calls, to record what it loads
 * (a training run), makes the archive from that record, and puts it in place
 * for later pools; a lock file keeps builders from racing, and a build that
 * fails leaves a marker so that it is not tried again for the same key. Both
 * kinds need a class path of jar files; with directories on it workers start
 * without an archive. The system property {@value #PROPERTY}{@code =false}
 * turns archives off.
 */
final class WorkerArchive {

    /** System property: false to start workers without an archive. */
    static final String PROPERTY = "corebound.worker.cds";

    private static final System.Logger LOG = System.getLogger(WorkerArchive.class.getName());
    /** A lock older than this belongs to a builder that died. */
    private static final Duration STALE_LOCK = Duration.ofMinutes(5);
    /** How long a build, or a step of one, may take. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);
    /** Elements of the reduction the training run computes. */
    private static final long TRAINING_LENGTH = 1024;

    /**
     * The kind of archive this JDK makes, and the flags of its two steps and
     * of its use, where {@code {record}} stands for the training run's record
     * and {@code {archive}} for the archive.
     */
    private enum Kind {
        AOT_CACHE(".aot", List.of("-XX:AOTMode=record", "-XX:AOTConfiguration={record}"),
                List.of("-XX:AOTMode=create", "-XX:AOTConfiguration={record}", "-XX:AOTCache={archive}"),
                "-XX:AOTCache={archive}"),
        CDS(".jsa", List.of("-XX:DumpLoadedClassList={record}"),
                List.of("-Xshare:dump", "-XX:SharedClassListFile={record}", "-XX:SharedArchiveFile={archive}"),
                "-XX:SharedArchiveFile={archive}");

        final String extension;
        private final List<String> recordFlags;
        private final List<String> makeFlags;
        private final String useFlag;

        Kind(String extension, List<String> recordFlags, List<String> makeFlags, String useFlag) {
            this.extension = extension;
            this.recordFlags = recordFlags;
            this.makeFlags = makeFlags;
            this.useFlag = useFlag;
        }

        /** The kind this JVM's JDK makes (workers run on the same JDK). */
        static Kind ofThisJdk() {
            return Runtime.version().feature() >= 24 ? AOT_CACHE : CDS;
        }

        /** Flags of the training run, which writes what the worker loaded to {@code record}. */
        List<String> record(Path record) {
            return recordFlags.stream().map(f -> fill(f, record, record)).toList();
        }

        /** Flags of the JVM that makes {@code archive} from {@code record}. */
        List<String> make(Path record, Path archive) {
            return makeFlags.stream().map(f -> fill(f, record, archive)).toList();
        }

        /** The flag that starts a worker from {@code archive}. */
        String use(Path archive) {
            return fill(useFlag, archive, archive);
        }

        private static String fill(String flag, Path record, Path archive) {
            return flag.replace("{record}", record.toString()).replace("{archive}", archive.toString());
        }
    }

    private WorkerArchive() {
    }

    /**
     * The flag that starts workers ({@code java flags -cp classPath}) from
     * their archive, if it exists; otherwise launches a builder for it and
     * returns empty, or, when {@code wait} is true, waits for the builder and
     * returns the flag if the build succeeded.
     */
    static Optional<String> forWorkers(String java, List<String> flags, String classPath, boolean wait) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || classPath.isEmpty() || !Arrays.stream(classPath.split(File.pathSeparator))
                .allMatch(p -> p.endsWith(".jar") && Files.isRegularFile(Path.of(p)))) {
            return Optional.empty();
        }
        Kind kind = Kind.ofThisJdk();
        try {
            Path dir = cacheDirectory();
            Path archive = dir.resolve("worker-" + key(java, flags, classPath) + kind.extension);
            if (Files.isRegularFile(archive)) {
                return Optional.of(kind.use(archive));
            }
            if (Files.exists(failedMarker(archive))) {
                return Optional.empty();
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
                return Optional.of(kind.use(archive));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "no archive for workers: {0}", e.getMessage());
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
        return sibling(archive, ".lock");
    }

    private static Path failedMarker(Path archive) {
        return sibling(archive, ".failed");
    }

    private static Path sibling(Path archive, String suffix) {
        return archive.resolveSibling(archive.getFileName() + suffix);
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
     * The builder: a training run of a worker records what it loads (see
     * {@link #train}), then a second JVM makes the archive from the record,
     * and the archive is moved into place.
     *
     * <p>Arguments: the archive path, the java launcher, the class path, then the worker's flags.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path archive = Path.of(args[0]);
        String java = args[1];
        String classPath = args[2];
        List<String> flags = List.of(args).subList(3, args.length);
        Kind kind = Kind.ofThisJdk();
        Path record = sibling(archive, ".record");
        Path partial = sibling(archive, ".partial");
        try {
            List<String> training = new ArrayList<>(List.of(java));
            training.addAll(flags);
            training.addAll(kind.record(record));
            training.addAll(List.of("-cp", classPath, WorkerMain.class.getName()));
            List<String> making = new ArrayList<>(List.of(java));
            making.addAll(flags);
            making.addAll(kind.make(record, partial));
            making.addAll(List.of("-cp", classPath));
            if (train(training) && run(making) && Files.isRegularFile(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(failedMarker(archive));
                Files.createFile(failedMarker(archive));
            }
        } finally {
            Files.deleteIfExists(record);
            Files.deleteIfExists(partial);
            Files.deleteIfExists(lockFile(archive));
        }
    }

    /**
     * The training run: a worker started with the recording flags (and a
     * directory of its own) gets the first calls a pool makes, a round trip
     * and a reduction on shared memory with the reference backend, so that
     * what they load and link is in the archive too and a new worker's first
     * task is quick. Then its stdin closes, and it exits and writes its record.
     * True when it did all that in time.
     */
    private static boolean train(List<String> worker) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("corebound-training-");
        List<String> command = new ArrayList<>(worker);
        command.add(dir.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (SharedMemory memory = new SharedMemory(dir)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(p.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(p.getOutputStream()));
            if (!Protocol.readHello(in, p.pid())) {
                return false;
            }
            MemorySegment x = memory.allocate(TRAINING_LENGTH * Double.BYTES, 64);
            for (Task task : List.of(new Task.Ping(), new Task.Sum(TRAINING_LENGTH, x))) {
                Protocol.writeRequest(out, Backend.JAVA_SCALAR, task, memory);
                out.flush();
                if (Protocol.readReply(in).failure() != null) {
                    return false;
                }
            }
            out.close();
            return p.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) && p.exitValue() == 0;
        } finally {
            p.destroyForcibly();
            PoolDirectory.delete(dir);
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
