package dev.corebound.bench.python;

import dev.corebound.Backend;
import dev.corebound.parallel.Parallelism;
import dev.corebound.workloads.MonteCarloPi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CPython script, run by the python3 on the PATH the way the tool runs it
 * (from the jar's resources, through {@link CPythonScript}): its own checks
 * pass, and {@code claims} at the smallest scale prints a document with every
 * experiment, whose Monte Carlo hits are the ones corebound's Java counts.
 * Skipped when there is no python3. The two children run at once to keep the test short.
 */
class PythonScriptTest {

    /** The experiments of the script's claims document, in the JVM report's order. */
    private static final List<String> EXPERIMENTS = List.of("processes", "start_times", "memory", "ipc", "killing",
            "races", "gil_threads", "io", "numpy_threads");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static CompletableFuture<JsonNode> selfTest;
    private static CompletableFuture<JsonNode> claims;

    @BeforeAll
    static void startBoth() {
        CPythonScript.onPath(System.getenv("PATH")).map(CPythonScript::new).ifPresent(python -> {
            selfTest = CompletableFuture.supplyAsync(() -> run(python, "self-test"));
            claims = CompletableFuture.supplyAsync(() -> run(python, "claims", "--tiny"));
        });
    }

    private static JsonNode run(CPythonScript python, String... args) {
        try {
            return python.run(Map.of(), TIMEOUT, args).document();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode finished(CompletableFuture<JsonNode> child) {
        assumeTrue(child != null, "no python3 on the PATH: the CPython experiments are skipped");
        return child.join();
    }

    @Test
    void selfTestPasses() {
        JsonNode doc = finished(selfTest);
        assertTrue(doc.get("passed").bool(), doc.toString());
        assertFalse(doc.get("checks").list().isEmpty(), doc.toString());
    }

    @Test
    void tinyClaimsHaveEveryExperimentAndJavasHits() {
        JsonNode doc = finished(claims);
        assertEquals("corebound-cpython/1", doc.get("schema").text());
        JsonNode experiments = doc.get("experiments");
        assertEquals(EXPERIMENTS, experiments.keys());
        for (String key : EXPERIMENTS) {
            JsonNode e = experiments.get(key);
            assertFalse(e.has("error"), () -> key + " failed: " + e.get("error"));
            assertTrue(e.get("claim").integer() >= 1, key + " has no claim number");
            if (e.has("skipped")) {
                assertEquals("numpy_threads", key, key + " was skipped: " + e.get("skipped"));
                assertTrue(e.get("skipped").text().startsWith("NumPy"), e.get("skipped").text());
            }
        }
        for (String key : List.of("processes", "gil_threads")) {
            JsonNode e = experiments.get(key);
            try (Parallelism serial = Parallelism.serial()) {
                long java = MonteCarloPi.run(serial, Backend.JAVA_SCALAR, e.get("samples").integer(), e.get("seed").integer()).hits();
                assertEquals(java, e.get("hits").integer(), key + ": CPython's hits differ from Java's");
            }
        }
    }

    @Test
    void aPathWithoutPythonFindsNone() {
        assertTrue(CPythonScript.onPath("/nonexistent" + java.io.File.pathSeparator).isEmpty());
        assertTrue(CPythonScript.find(List.of(), "").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> CPythonScript.find(List.of(java.nio.file.Path.of("/nonexistent/python")), ""));
    }
}
