package dev.corebound.internal.kernel;

import dev.corebound.DenseVector;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The C library reports itself, and every kernel set this CPU runs computes the same dot within rounding. */
class NativeKernelSetTest {

    @Test
    void theLibraryReportsItsVersionAndKernelSet() {
        assertTrue(corebound_h.cb_version().getString(0).matches("\\d+\\.\\d+\\.\\d+"));
        assertTrue(Set.of("generic", "avx2", "avx512").contains(corebound_h.cb_kernel_set().getString(0)));
    }

    @Test
    void everyKernelSetThisCpuRunsGivesTheSameDot() {
        try (Arena arena = Arena.ofConfined()) {
            DenseVector x = DenseVector.allocate(arena, 1001).fillRandom(1);
            double want = corebound_h.cb_ddot(1001, x.segment(), x.segment());
            String initial = corebound_h.cb_kernel_set().getString(0);
            int ran = 0;
            for (String set : new String[]{"generic", "avx2", "avx512"}) {
                if (corebound_h.cb_select_kernel_set(arena.allocateFrom(set)) == 0) {
                    ran++;
                    assertEquals(want, corebound_h.cb_ddot(1001, x.segment(), x.segment()), want * 1e-13, set);
                }
            }
            assertEquals(0, corebound_h.cb_select_kernel_set(arena.allocateFrom(initial)));
            assertTrue(ran >= 1);
            assertEquals(-1, corebound_h.cb_select_kernel_set(arena.allocateFrom("no-such-set")));
        }
    }
}
