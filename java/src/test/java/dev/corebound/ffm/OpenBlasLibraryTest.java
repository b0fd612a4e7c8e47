package dev.corebound.ffm;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.Transpose;
import dev.corebound.kernels.Kernel;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenBlasLibraryTest {

    @Test
    void theBundledLibraryLoadsAndSaysHowItWasTuned() {
        OpenBlasLibrary.Info info = OpenBlasLibrary.info();
        assertTrue(info.javaCpp(), info.toString());
        assertTrue(info.source().contains("org.bytedeco:openblas 0.3.30"), info.source());
        assertTrue(OpenBlasLibrary.config().startsWith("OpenBLAS 0.3.30"), OpenBlasLibrary.config());
        assertEquals("0.3.30", OpenBlasLibrary.version());
        String core = OpenBlasLibrary.corename();
        if (info.decision().changes()) {
            assertEquals(info.decision().coreType().toLowerCase(), core.toLowerCase(), "OpenBLAS runs the core corebound set");
        }
        assertNotNull(info.decision().reason());
    }

    @Test
    void theProbeLearnsOpenBlassOwnPick() {
        String pick = OpenBlasProbe.corename(null);
        assertNotNull(pick, "the probe JVM failed; see the log");
        assertTrue(pick.matches("[A-Za-z0-9_]+"), pick);
    }

    /** Runs a gemm big enough for OpenBLAS to use threads, then reads the calling thread's setting. */
    private static int threadsAfterCall(Backend backend, int threads) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            Kernel k = Corebound.kernel(backend).withNativeThreads(threads);
            try (Arena arena = Arena.ofConfined()) {
                DenseMatrix a = DenseMatrix.allocate(arena, 64, 64).fillRandom(1);
                DenseMatrix c = DenseMatrix.allocate(arena, 64, 64);
                k.gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, 64, 64, 64, 1.0,
                        a.segment(), 64, a.segment(), 64, 0.0, c.segment(), 64);
            }
            return openblas_h.openblas_get_num_threads();
        }).get();
    }

    @Test
    void eachKernelInstanceUsesItsOwnThreadCount() throws Exception {
        for (Backend b : Set.of(Backend.OPENBLAS, Backend.OPENBLAS_JNI)) {
            assertEquals(1, threadsAfterCall(b, 1), b + " single-threaded");
            assertEquals(2, threadsAfterCall(b, 2), b + " with native threads");
            String description = Corebound.kernel(b).description();
            assertTrue(description.contains("1 thread"), description);
        }
    }
}
