package dev.corebound.ffm;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeLibraryTest {

    @Test
    void thePackedLibraryLoadsAndReportsItself() {
        assertTrue(NativeLibrary.source().startsWith("packed in the jar"), NativeLibrary.source());
        assertTrue(corebound_h.cb_version().getString(0).matches("\\d+\\.\\d+\\.\\d+"));
        assertTrue(java.util.Set.of("generic", "avx2", "avx512").contains(corebound_h.cb_kernel_set().getString(0)));
    }

    @Test
    void aPlatformWithoutAPackedLibraryIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.loadPacked("plan9-mips"));
        assertTrue(e.getMessage().contains("plan9-mips"), e.getMessage());
        assertTrue(e.getMessage().contains(NativeLibrary.PATH_PROPERTY), e.getMessage());
    }

    @Test
    void aMissingOverrideFileIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.loadFile(java.nio.file.Path.of("/nonexistent/libcorebound.so")));
        assertTrue(e.getMessage().contains("/nonexistent/libcorebound.so"), e.getMessage());
    }

    @Test
    void everyKernelSetThisCpuRunsGivesTheSameDot() {
        try (Arena arena = Arena.ofConfined()) {
            var x = dev.corebound.DenseVector.allocate(arena, 1001).fillRandom(1);
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
