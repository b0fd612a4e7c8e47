package dev.corebound.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
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

    @Test
    void withTheLauncherFlagsEveryJavaBackendIsAvailable(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("corebound.jar")), dir.resolve("corebound.jar"));
        Run run = java(dir, List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-jar", jar.toString(), "info"));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("JAVA_VECTOR   available"), run.out());
    }
}
