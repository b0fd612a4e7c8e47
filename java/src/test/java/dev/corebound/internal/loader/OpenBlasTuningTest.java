package dev.corebound.internal.loader;

import dev.corebound.internal.loader.OpenBlasTuning.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tuning decision is a pure function of (CPU features, OpenBLAS's pick): a table of cases. */
class OpenBlasTuningTest {

    private static final Set<String> ZEN5 = Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw",
            "avx512dq", "avx512vl", "avx512_bf16");
    private static final Set<String> ZEN3 = Set.of("sse4_2", "avx", "avx2", "fma");
    private static final Set<String> SANDY = Set.of("sse4_2", "avx");
    private static final Set<String> ATOM = Set.of("sse2", "ssse3");
    /** AVX-512F alone (Knights Landing): not enough for OpenBLAS's SkylakeX kernels. */
    private static final Set<String> KNL = Set.of("avx", "avx2", "fma", "avx512f", "avx512cd");
    private static final Set<String> NEOVERSE = Set.of("asimd", "sve");

    private static Set<String> cpu(String name) {
        return switch (name) {
            case "zen5" -> ZEN5;
            case "zen3" -> ZEN3;
            case "sandy" -> SANDY;
            case "atom" -> ATOM;
            case "knl" -> KNL;
            case "neoverse" -> NEOVERSE;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} {1} picked {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            // AVX-512 CPU given older kernels: widened to SkylakeX
            "x86_64, zen5, Haswell, SkylakeX",
            "x86_64, zen5, Zen, SkylakeX",
            "x86_64, zen5, Prescott, SkylakeX",
            "x86_64, zen5, HASWELL, SkylakeX",
            // already AVX-512 kernels: left alone
            "x86_64, zen5, SkylakeX, -",
            "x86_64, zen5, Cooperlake, -",
            "x86_64, zen5, SapphireRapids, -",
            // CPUs without AVX-512
            "x86_64, zen3, Zen, -",
            "x86_64, zen3, Haswell, -",
            "x86_64, zen3, Sandybridge, Haswell",
            "x86_64, zen3, Nehalem, Haswell",
            "x86_64, sandy, Nehalem, Sandybridge",
            "x86_64, sandy, Sandybridge, -",
            "x86_64, atom, Atom, -",
            "x86_64, knl, Haswell, -",
            // a core name corebound does not know is trusted
            "x86_64, zen5, Zen6, -",
            // arm64: OpenBLAS's own detection is always kept
            "aarch64, neoverse, NeoverseN1, -",
            "aarch64, neoverse, ARMV8, -",
    })
    void decides(String arch, String cpu, String pick, String want) {
        Decision d = OpenBlasTuning.decide(arch, cpu(cpu), pick);
        assertEquals(want, d.coreType(), d.reason());
        assertTrue(d.reason().contains(pick), "the reason names OpenBLAS's pick: " + d.reason());
    }
}
