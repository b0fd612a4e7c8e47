package dev.corebound.internal.loader;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which OpenBLAS kernel set ("core type") to ask for, as a pure function of the
 * CPU's features and the core OpenBLAS would pick by itself.
 *
 * <p>OpenBLAS chooses its kernels when it loads, from the CPU id or from the
 * environment variable {@code OPENBLAS_CORETYPE}, and new CPUs get older,
 * narrower kernels: an AVX-512 machine running the AVX2 "Haswell" kernels
 * leaves about 40% of dgemm's speed unused. When the pick is narrower than what
 * the CPU supports, corebound sets {@code OPENBLAS_CORETYPE} to the widest core
 * the CPU runs before OpenBLAS loads. It never changes anything on arm64,
 * where OpenBLAS's own detection is trusted.
 */
public final class OpenBlasTuning {

    private OpenBlasTuning() {
    }

    /**
     * What to do.
     *
     * @param coreType the core type to set, or null to leave OpenBLAS's pick alone
     * @param reason   one sentence saying why, for {@code info}
     */
    public record Decision(String coreType, String reason) {
        public boolean changes() {
            return coreType != null;
        }
    }

    /** Vector instruction levels, narrowest first. */
    enum Level {
        SSE("SSE"), AVX("AVX"), AVX2("AVX2"), AVX512("AVX-512");

        final String label;

        Level(String label) {
            this.label = label;
        }
    }

    /** OpenBLAS x86-64 core types by the widest vector instructions their kernels use (names lower case). */
    private static final Map<String, Level> CORES = Map.ofEntries(
            Map.entry("katmai", Level.SSE), Map.entry("coppermine", Level.SSE), Map.entry("northwood", Level.SSE),
            Map.entry("prescott", Level.SSE), Map.entry("banias", Level.SSE), Map.entry("core2", Level.SSE),
            Map.entry("penryn", Level.SSE), Map.entry("dunnington", Level.SSE), Map.entry("nehalem", Level.SSE),
            Map.entry("atom", Level.SSE), Map.entry("athlon", Level.SSE), Map.entry("opteron", Level.SSE),
            Map.entry("opteron_sse3", Level.SSE), Map.entry("barcelona", Level.SSE), Map.entry("bobcat", Level.SSE),
            Map.entry("nano", Level.SSE),
            Map.entry("sandybridge", Level.AVX), Map.entry("bulldozer", Level.AVX), Map.entry("piledriver", Level.AVX),
            Map.entry("steamroller", Level.AVX), Map.entry("excavator", Level.AVX),
            Map.entry("haswell", Level.AVX2), Map.entry("zen", Level.AVX2),
            Map.entry("skylakex", Level.AVX512), Map.entry("cooperlake", Level.AVX512),
            Map.entry("sapphirerapids", Level.AVX512));

    /** The core to set for each level: the most general core of that width. */
    private static final Map<Level, String> TARGET = Map.of(
            Level.AVX, "Sandybridge", Level.AVX2, "Haswell", Level.AVX512, "SkylakeX");

    /** What OpenBLAS's SkylakeX kernels need. */
    private static final List<String> AVX512_FEATURES = List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    /**
     * Decides the core type.
     *
     * @param arch        "x86_64" or "aarch64" (as {@link dev.corebound.Platform#arch()})
     * @param cpuFeatures the CPU's feature flags, lower case
     * @param pick        the core OpenBLAS would use (its own detection or OPENBLAS_CORETYPE)
     */
    public static Decision decide(String arch, Set<String> cpuFeatures, String pick) {
        if (!arch.equals("x86_64")) {
            return new Decision(null, "OpenBLAS's own choice (" + pick + ") is kept on " + arch);
        }
        Level picked = CORES.get(pick.toLowerCase(Locale.ROOT));
        if (picked == null) {
            return new Decision(null, "OpenBLAS picked " + pick + ", a core corebound does not know, so it is kept");
        }
        Level cpu = level(cpuFeatures);
        if (picked.compareTo(cpu) >= 0) {
            return new Decision(null, "OpenBLAS's " + pick + " kernels (" + picked.label
                    + ") already use the widest vectors this CPU has");
        }
        String target = TARGET.get(cpu);
        return new Decision(target, "OpenBLAS would use " + pick + " kernels (" + picked.label + ") but this CPU has "
                + cpu.label + ", so corebound set OPENBLAS_CORETYPE=" + target);
    }

    static Level level(Set<String> f) {
        if (f.containsAll(AVX512_FEATURES)) {
            return Level.AVX512;
        }
        if (f.contains("avx2") && f.contains("fma")) {
            return Level.AVX2;
        }
        if (f.contains("avx")) {
            return Level.AVX;
        }
        return Level.SSE;
    }
}
