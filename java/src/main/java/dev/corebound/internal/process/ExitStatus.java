package dev.corebound.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Words for how a worker process ended. */
final class ExitStatus {

    private static final List<String> SIGNALS = List.of("", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
            "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM");

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
