package dev.corebound.bench.python;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The script that runs the notes' experiments and NumPy's timings on a real
 * Python interpreter (bench/python/corebound_cpython.py, packed in the tool's
 * jar), run by one interpreter as a child process. It prints one JSON
 * document on stdout; its contract is bench/python/README.md.
 */
public final class CPythonScript {

    private static final String FOLDER = "/dev/corebound/bench/python/";
    private static final String SCRIPT = "corebound_cpython.py";
    /** The JSON contract, which the script's self-test checks its own fields against. */
    private static final String CONTRACT = "README.md";
    /** What the README tells users to install when there is no Python. */
    public static final String INSTALL_HINT = "install python3 and python3-numpy (apt-get install python3 python3-numpy) "
            + "or name an interpreter with --python PATH";

    private final Path interpreter;

    public CPythonScript(Path interpreter) {
        this.interpreter = interpreter;
    }

    public Path interpreter() {
        return interpreter;
    }

    /**
     * The interpreters to run: those named (each must be an executable file),
     * or else the first {@code python3} on {@code pathVariable}; empty when
     * there is none.
     *
     * @throws IllegalArgumentException for a named interpreter that is not an executable file
     */
    public static List<CPythonScript> find(List<Path> named, String pathVariable) {
        if (!named.isEmpty()) {
            for (Path p : named) {
                if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                    throw new IllegalArgumentException("--python " + p + " is not an executable file");
                }
            }
            return named.stream().map(CPythonScript::new).toList();
        }
        return onPath(pathVariable).map(p -> List.of(new CPythonScript(p))).orElse(List.of());
    }

    /** The first executable python3 in the directories of a PATH value. */
    public static Optional<Path> onPath(String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        return Stream.of(pathVariable.split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "python3")).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /**
     * Runs the script with {@code args}, the child's environment changed by
     * {@code environment} (a null value removes a variable), and returns the
     * document it printed.
     *
     * @throws IOException when it cannot start, fails, times out or prints no document; the message has its stderr
     */
    public Result run(Map<String, String> environment, Duration timeout, String... args) throws IOException {
        Path dir = Files.createTempDirectory("corebound-python-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path script = extract(SCRIPT, dir);
            extract(CONTRACT, dir);
            List<String> command = new ArrayList<>(List.of(interpreter.toString(), script.toString()));
            command.addAll(List.of(args));
            // Both streams go to files: nothing has to drain a pipe while the script runs.
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile())
                    .redirectError(dir.resolve("stderr").toFile());
            environment.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process p = builder.start();
            p.getOutputStream().close();
            awaitOrKill(p, timeout, dir);
            if (p.exitValue() != 0) {
                throw new IOException(interpreter + " exited with " + p.exitValue() + errTail(dir));
            }
            String stdout = Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8);
            try {
                return new Result(JsonNode.parse(stdout), stdout);
            } catch (IllegalArgumentException e) {
                throw new IOException(interpreter + " printed no JSON document (" + e.getMessage() + ")" + errTail(dir), e);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Copies one of the script's files from the jar into {@code dir}. */
    private static Path extract(String file, Path dir) throws IOException {
        try (InputStream in = CPythonScript.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IOException("the tool's jar has no " + FOLDER + file);
            }
            Path copy = dir.resolve(file);
            Files.copy(in, copy);
            return copy;
        }
    }

    /** A document and its text. */
    public record Result(JsonNode document, String text) {
    }

    /** Waits for the script; on a timeout or an interrupt, kills it and whatever it started. */
    private void awaitOrKill(Process p, Duration timeout, Path dir) throws IOException {
        try {
            if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            kill(p);
            throw new IOException(interpreter + " took longer than " + timeout + errTail(dir));
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + interpreter + " ran", e);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** The last lines the script wrote to stderr, for an error message. */
    private static String errTail(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("stderr"));
            return lines.isEmpty() ? "" : ": " + String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
