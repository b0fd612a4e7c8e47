package dev.corebound.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executable jar, copied alone into an empty directory, loads its native
 * library and prints {@code info}, with no native-access warning.
 */
class PackagedJarIT {

    record Run(int exit, String out, String err) {
    }

    static Run java(Path dir, List<String> args) throws IOException, InterruptedException {
        return java(dir, Map.of(), args);
    }

    /** Runs java in {@code dir} with {@code environment} changed; stderr goes through a file so neither pipe fills up. */
    static Run java(Path dir, Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Path err = Files.createTempFile("corebound-it-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + command);
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
        } finally {
            Files.delete(err);
        }
    }

    @Test
    void theJarAloneRunsInfo(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("corebound.jar")), dir.resolve("corebound.jar"));
        Run run = java(dir, List.of("-jar", jar.toString(), "info"));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("NATIVE        available: libcorebound"), run.out());
        assertFalse(run.err().contains("WARNING"), "plain java -jar printed a warning:\n" + run.err());
        // Without the launcher's flags the Vector backend says which flag it needs, rather than failing.
        assertTrue(run.out().contains("JAVA_VECTOR   unavailable: ") && run.out().contains("--add-modules jdk.incubator.vector"), run.out());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(jar), files.toList(), "the run left files behind");
        }
    }

    /** The claims report with a PATH that has no Python (only ps, which the memory experiment reads). */
    @Test
    void withoutPythonTheClaimsSayWhatWasSkippedAndSucceed(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("corebound.jar")), dir.resolve("corebound.jar"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ps = Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(d -> Path.of(d, "ps"))
                .filter(Files::isExecutable).findFirst().orElseThrow();
        Files.createSymbolicLink(bin.resolve("ps"), ps);
        Path out = dir.resolve("claims");
        Run run = java(dir, Map.of("PATH", bin.toString()), List.of("--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "claims", "--quick", "--out", out.toString()));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("CPython: skipped, no python3 on the PATH"), run.err());
        String md = Files.readString(out.resolve("claims.md"));
        assertTrue(md.contains("CPython: skipped, no python3 on the PATH") && md.contains("| 10 |"), md);
    }

    /** compare with a PATH that has no Python: NumPy's rows are skipped in one line, the JVM's are measured. */
    @Test
    void withoutPythonCompareSaysNumpyWasSkippedAndSucceeds(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("corebound.jar")), dir.resolve("corebound.jar"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path out = dir.resolve("compare");
        Run run = java(dir, Map.of("PATH", bin.toString()), List.of("--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "compare", "--op", "dot", "--size", "1000",
                "--backend", "JAVA_SCALAR,numpy", "--forks", "1", "--warmup", "0", "--iterations", "1", "--time", "50",
                "--out", out.toString()));
        assertEquals(0, run.exit(), run.out() + run.err());
        String skip = "NumPy: skipped, no python3 on the PATH";
        assertEquals(1, run.err().lines().filter(l -> l.startsWith(skip)).count(), run.err());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(2, csv.size(), "a header and JAVA_SCALAR's row: " + csv);
        assertTrue(csv.get(1).startsWith("dot,JAVA_SCALAR,serial,"), csv.get(1));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("**Skipped:** " + skip) && !md.contains("Interrupted"), md);
    }

    @Test
    void withTheLauncherFlagsEveryJavaBackendIsAvailable(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("corebound.jar")), dir.resolve("corebound.jar"));
        Run run = java(dir, List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-jar", jar.toString(), "info"));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("JAVA_VECTOR   available"), run.out());
    }
}
