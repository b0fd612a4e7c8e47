package dev.corebound.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * When a process started, as a number that tells two processes with the same
 * pid apart: a pid names a process only together with its start.
 *
 * <p>On Linux it is the start in clock ticks since boot, read from
 * {@code /proc/<pid>/stat}: a wall-clock time would be computed from the boot
 * time, which moves when the clock is set, so two readers could disagree about
 * one process. Elsewhere it is {@link ProcessHandle.Info#startInstant()} in
 * milliseconds, which the kernel keeps as it was at the start.
 */
public final class ProcessStart {

    private static final Path PROC = Path.of("/proc");

    private ProcessStart() {
    }

    /** The start of process {@code pid}, or empty when no such process runs or its start cannot be read. */
    public static OptionalLong of(long pid) {
        if (Files.isDirectory(PROC)) {
            return fromProcStat(pid);
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(i -> OptionalLong.of(i.toEpochMilli())).orElse(OptionalLong.empty());
    }

    /** Field 22 of /proc/pid/stat; the command name (field 2) may hold spaces, so fields are counted after its ')'. */
    private static OptionalLong fromProcStat(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[22 - 3]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
