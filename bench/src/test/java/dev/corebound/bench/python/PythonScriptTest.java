package dev.corebound.bench.python;

import dev.corebound.Backend;
import dev.corebound.parallel.Parallelism;
import dev.corebound.workloads.MonteCarloPi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bench/python/corebound_cpython.py run by the python3 on the PATH, as the tool will run it: its own checks pass, and
 * {@code claims} at the smallest scale prints a document with every experiment, whose Monte Carlo hits are the ones
 * corebound's Java counts. Skipped when there is no python3. The two children run at once to keep the test short.
 */
class PythonScriptTest {

    /** The experiments of the script's claims document, in the JVM report's order. */
    private static final List<String> EXPERIMENTS = List.of("processes", "start_times", "memory", "ipc", "killing",
            "races", "gil_threads", "io", "numpy_threads");
    private static final String SCRIPT = "corebound_cpython.py";
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    static Path output;
    private static Child selfTest;
    private static Child claims;

    /** A running script: its process and the files that collect what it prints. */
    private record Child(Process process, Path out, Path err) {
    }

    /** What a finished script printed. */
    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void startBoth() throws IOException {
        Optional<Path> python = python3OnPath();
        if (python.isPresent()) {
            selfTest = start(python.get(), "self-test");
            claims = start(python.get(), "claims", "--tiny");
        }
    }

    @AfterAll
    static void stopLeftovers() {
        for (Child c : new Child[] {selfTest, claims}) {
            if (c != null && c.process().isAlive()) {
                c.process().descendants().forEach(ProcessHandle::destroyForcibly);
                c.process().destroyForcibly();
            }
        }
    }

    @Test
    void selfTestPasses() {
        Run run = finish(selfTest);
        assertEquals(0, run.exit(), () -> "self-test failed:\n" + run.out() + "\n" + run.err());
        Map<String, Object> doc = object(MiniJson.parse(run.out()));
        assertEquals(true, doc.get("passed"), run.out());
        assertFalse(list(doc.get("checks")).isEmpty(), run.out());
    }

    @Test
    void tinyClaimsHaveEveryExperimentAndJavasHits() {
        Run run = finish(claims);
        assertEquals(0, run.exit(), () -> "claims --tiny failed:\n" + run.err());
        Map<String, Object> doc = object(MiniJson.parse(run.out()));
        assertEquals("corebound-cpython/1", doc.get("schema"));
        Map<String, Object> experiments = object(doc.get("experiments"));
        assertEquals(EXPERIMENTS, new ArrayList<>(experiments.keySet()), run.out());
        for (String key : EXPERIMENTS) {
            Map<String, Object> e = object(experiments.get(key));
            assertFalse(e.containsKey("error"), () -> key + " failed: " + e.get("error") + "\n" + run.err());
            assertTrue(e.get("claim") instanceof Number, key + " has no claim number");
            if (e.containsKey("skipped")) {
                assertEquals("numpy_threads", key, key + " was skipped: " + e.get("skipped"));
                assertTrue(e.get("skipped").toString().startsWith("NumPy"), e.get("skipped").toString());
            }
        }
        for (String key : List.of("processes", "gil_threads")) {
            Map<String, Object> e = object(experiments.get(key));
            long samples = number(e.get("samples"));
            long seed = number(e.get("seed"));
            try (Parallelism serial = Parallelism.serial()) {
                long java = MonteCarloPi.run(serial, Backend.JAVA_SCALAR, samples, seed).hits();
                assertEquals(java, number(e.get("hits")), key + ": CPython's hits differ from Java's for seed " + seed);
            }
        }
    }

    // ---- running the script ----

    private static Optional<Path> python3OnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "python3");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The script, from the bench module's folder (surefire's working directory) or from the repository's root. */
    private static Path script() {
        for (Path p : List.of(Path.of("python", SCRIPT), Path.of("bench", "python", SCRIPT))) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException(SCRIPT + " is neither in python/ nor in bench/python/ under "
                + Path.of("").toAbsolutePath());
    }

    private static Child start(Path python, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(python.toString(), script().toString()));
        command.addAll(List.of(args));
        Path out = output.resolve(args[0] + ".out");
        Path err = output.resolve(args[0] + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Child(p, out, err);
    }

    private static Run finish(Child child) {
        assumeTrue(child != null, "no python3 on the PATH: the CPython experiments are skipped");
        try {
            if (!child.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.process().descendants().forEach(ProcessHandle::destroyForcibly);
                child.process().destroyForcibly();
                fail("the script did not finish in " + TIMEOUT_SECONDS + " s:\n" + Files.readString(child.err()));
            }
            return new Run(child.process().exitValue(), Files.readString(child.out(), StandardCharsets.UTF_8),
                    Files.readString(child.err(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read what the script printed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        assertTrue(value instanceof Map, () -> "not a JSON object: " + value);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        assertTrue(value instanceof List, () -> "not a JSON list: " + value);
        return (List<?>) value;
    }

    private static long number(Object value) {
        assertTrue(value instanceof Number, () -> "not a JSON number: " + value);
        return ((Number) value).longValue();
    }

    /** Just enough JSON reading for the script's documents: objects keep their order, numbers are doubles. */
    static final class MiniJson {
        private final String text;
        private int at;

        private MiniJson(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            MiniJson reader = new MiniJson(text);
            Object value = reader.value();
            reader.skipSpace();
            if (reader.at != text.length()) {
                throw reader.error("text after the document");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("the document ends early");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{' -> {
                    return object();
                }
                case '[' -> {
                    return array();
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    for (String word : List.of("true", "false", "null")) {
                        if (text.startsWith(word, at)) {
                            at += word.length();
                            return word.equals("null") ? null : Boolean.valueOf(word);
                        }
                    }
                    return number();
                }
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            elements('}', () -> {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
            });
            return map;
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            elements(']', () -> list.add(value()));
            return list;
        }

        /** Reads elements separated by commas from after the opening bracket up to and including {@code close}. */
        private void elements(char close, Runnable element) {
            at++;
            skipSpace();
            if (at < text.length() && text.charAt(at) == close) {
                at++;
                return;
            }
            while (true) {
                element.run();
                skipSpace();
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                } else {
                    expect(close);
                    return;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> sb.append(escaped); // \" \\ \/
                    }
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        private Double number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return Double.valueOf(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("not a value");
            }
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw error("expected " + c);
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("JSON: " + problem + " at character " + at);
        }
    }
}
