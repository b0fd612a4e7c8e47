package dev.corebound.parallel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Worker processes with the packaged jar, as a user runs it: on the class
 * path workers start from the archive built for them, and on the module path
 * a pool works too. Each JVM keeps its archive cache in a temporary directory.
 */
class ProcessPoolPackagedIT {

    private static final Path JAR = Path.of(System.getProperty("corebound.library.jar", "target/corebound-0.1.0.jar"));
    private static final String DEPENDENCIES = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(p -> p.contains("bytedeco")).collect(Collectors.joining(File.pathSeparator));
    private static final String PROBE = "org.example.user.ProcessPoolProbe";

    private Path tmp;

    @BeforeEach
    void makeTemporaryDirectory() throws IOException {
        tmp = Files.createTempDirectory("corebound-packaged-");
    }

    @AfterEach
    void deleteTemporaryDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Runs the probe in a new JVM with {@code options}; returns what it printed. */
    private String probe(String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp));
        cmd.addAll(List.of(options));
        cmd.add(PROBE);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("sum: 1000.0"), out);
        return out.lines().filter(l -> l.startsWith("worker: ")).findFirst().orElseThrow();
    }

    @Test
    void onTheClassPathWorkersStartFromTheArchiveBuiltForThem() throws Exception {
        String worker = probe("--enable-native-access=ALL-UNNAMED",
                "-cp", JAR + File.pathSeparator + DEPENDENCIES + File.pathSeparator + Path.of("target", "test-classes"));
        String archiveFlag = Runtime.version().feature() >= 24 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
        assertTrue(worker.contains(archiveFlag + tmp), worker);
        assertFalse(worker.contains("test-classes"), "a worker needs no test classes: " + worker);
    }

    @Test
    void onTheModulePathAPoolWorks() throws Exception {
        // No archive here: the class path test covers it, and building one takes seconds.
        String worker = probe("-Dcorebound.worker.cds=false",
                "--module-path", JAR + File.pathSeparator + DEPENDENCIES, "--add-modules", "dev.corebound",
                "--enable-native-access=dev.corebound", "-cp", Path.of("target", "test-classes").toString());
        assertTrue(worker.contains(JAR.getFileName().toString()), "the library on the worker's class path: " + worker);
        assertFalse(worker.contains("--module-path"), worker);
    }
}
