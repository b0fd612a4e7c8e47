package dev.corebound;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instruction-set paths a test JVM asked for are the ones that run. The
 * build runs the agreement tests again with {@code -Dcorebound.vector.bits=128}
 * and {@code 256} and with {@code COREBOUND_KERNELS=generic} and {@code avx2}
 * (see java/pom.xml), so that this AVX-512 machine tests the code narrower
 * CPUs run; without this check a misspelt setting would quietly test the
 * widest path again.
 */
class IsaPathsTest {

    private static String detail(Backend backend) {
        return Corebound.available().stream().filter(s -> s.backend() == backend && s.available())
                .findFirst().orElseThrow(() -> new AssertionError(backend + " is not available: " + Corebound.available()))
                .detail();
    }

    @Test
    void theVectorWidthAskedForRuns() {
        String bits = System.getProperty("corebound.vector.bits");
        String detail = detail(Backend.JAVA_VECTOR);
        if (bits != null) {
            assertTrue(detail.contains(bits + "-bit species"), "asked for " + bits + " bits, runs: " + detail);
        } else {
            assertTrue(detail.matches(".*\\d+-bit species.*") && !detail.contains("narrowed"), detail);
        }
    }

    @Test
    void theNativeKernelSetAskedForRuns() {
        String set = System.getenv("COREBOUND_KERNELS");
        String detail = detail(Backend.NATIVE);
        assertTrue(detail.contains("kernels " + (set != null ? set : "")), "asked for " + set + ", runs: " + detail);
    }
}
