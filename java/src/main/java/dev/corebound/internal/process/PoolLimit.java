package dev.corebound.internal.process;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The most worker JVMs one pool may run, so that {@code processes(10000)}
 * fails at once with a reason instead of starting JVMs until the machine
 * gives out.
 *
 * <p>The limit is the smaller of {@value #PER_CORE} per core (more CPU-bound
 * workers than cores only take turns; a few more help I/O-bound work) and the
 * number of workers that fit in half of the machine's memory at
 * {@value #MEMORY_PER_WORKER_MIB} MiB each (a worker JVM is resident at 30 to
 * 60 MiB, its heap can grow beyond that). Cores and memory are what this JVM
 * sees, so a container's limits count. The system property {@value #PROPERTY}
 * replaces the limit. The spare worker a pool keeps counts against it.
 */
public final class PoolLimit {

    /** System property: the most worker processes a pool may run, instead of the computed limit. */
    public static final String PROPERTY = "corebound.processes.max";
    static final int PER_CORE = 4;
    static final long MEMORY_PER_WORKER_MIB = 128;

    private PoolLimit() {
    }

    /** The most worker processes a pool may run here, spare included. */
    public static int max() {
        String set = System.getProperty(PROPERTY);
        if (set != null) {
            try {
                int n = Integer.parseInt(set.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
            throw new IllegalArgumentException(PROPERTY + " must be a whole number of at least 1, but is '" + set + "'");
        }
        return computed();
    }

    /**
     * Throws, before anything starts, when {@code n} workers are more than {@link #max()}.
     *
     * @throws IllegalArgumentException naming the limit, how it was worked out and how to raise it
     */
    static void check(String pool, int n) {
        int max = max();
        if (n > max) {
            String why = System.getProperty(PROPERTY) != null ? "as " + PROPERTY + " says" : reason();
            throw new IllegalArgumentException(pool + " asks for more worker JVMs than this machine allows: at most "
                    + max + " (" + why + "); start java with -D" + PROPERTY + "=" + n + " to allow more");
        }
    }

    private static int computed() {
        int byCores = PER_CORE * Runtime.getRuntime().availableProcessors();
        OptionalLong memory = totalMemory();
        return memory.isPresent() ? Math.max(1, Math.min(byCores, byMemory(memory.getAsLong()))) : byCores;
    }

    private static int byMemory(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, bytes / 2 / (MEMORY_PER_WORKER_MIB << 20));
    }

    private static String reason() {
        int cores = Runtime.getRuntime().availableProcessors();
        String byCores = PER_CORE + " per core on " + cores + (cores == 1 ? " core" : " cores");
        OptionalLong memory = totalMemory();
        if (memory.isEmpty()) {
            return byCores;
        }
        return String.format(Locale.ROOT, "%s; memory allows %d, %d MiB each in half of %.1f GiB", byCores,
                byMemory(memory.getAsLong()), MEMORY_PER_WORKER_MIB, memory.getAsLong() / (double) (1L << 30));
    }

    /**
     * The machine's memory, or the container's limit, as the JDK's operating
     * system bean reports it. The bean's type is in jdk.management, which the
     * library does not require, so it is read reflectively.
     */
    private static OptionalLong totalMemory() {
        try {
            Object bean = ManagementFactory.getOperatingSystemMXBean();
            Class<?> type = Class.forName("com.sun.management.OperatingSystemMXBean");
            if (type.isInstance(bean)) {
                return OptionalLong.of((long) type.getMethod("getTotalMemorySize").invoke(bean));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no such bean on this JVM: the cores decide alone
        }
        return OptionalLong.empty();
    }
}
