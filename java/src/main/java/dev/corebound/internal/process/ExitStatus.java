package dev.corebound.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Words for how a worker process ended. */
final class ExitStatus {

    private static final List<String> SIGNALS = List.of("", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
            "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM");
    /** How much of a worker's log a failure message quotes. */
    private static final int LOG_LINES = 5;
    private static final int LOG_CHARS = 2000;

    private ExitStatus() {
    }

    /** "exit code 3", or "killed by signal 9 (SIGKILL)" for the 128 + n codes a signal leaves. */
    static String describe(int exitCode) {
        int signal = exitCode - 128;
        if (signal > 0 && signal < SIGNALS.size()) {
            return "killed by signal " + signal + " (" + SIGNALS.get(signal) + ")";
        }
        return "exit code " + exitCode;
    }

    /** The last few lines a worker wrote to its log (its stderr), joined, if it wrote any. */
    static Optional<String> logTail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()));
            return tail.isEmpty() ? Optional.empty()
                    : Optional.of(tail.length() <= LOG_CHARS ? tail : "..." + tail.substring(tail.length() - LOG_CHARS));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The signal line and the problematic frame of a JVM crash report, if the worker wrote one. */
    static Optional<String> crashReport(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String summary = lines.stream()
                    .filter(l -> l.startsWith("#  SIG") || l.startsWith("# C  ") || l.startsWith("# j  "))
                    .map(l -> l.substring(1).trim())
                    .collect(Collectors.joining("; "));
            return summary.isEmpty() ? Optional.empty() : Optional.of(summary);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
