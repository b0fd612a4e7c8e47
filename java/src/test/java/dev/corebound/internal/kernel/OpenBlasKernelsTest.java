package dev.corebound.internal.kernel;

import dev.corebound.Backend;
import dev.corebound.DenseMatrix;
import dev.corebound.Transpose;
import dev.corebound.internal.loader.OpenBlasLibrary;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenBlasKernelsTest {

    @Test
    void theLoadedLibraryRunsTheCoreCoreboundSet() {
        assertTrue(OpenBlasInfo.config().startsWith("OpenBLAS 0.3.30"), OpenBlasInfo.config());
        assertEquals("0.3.30", OpenBlasInfo.version());
        OpenBlasLibrary.Info info = OpenBlasLibrary.info();
        if (info.decision().changes()) {
            assertEquals(info.decision().coreType().toLowerCase(), OpenBlasInfo.corename().toLowerCase(),
                    "OpenBLAS runs the core corebound set");
        }
    }

    /** Runs a gemm big enough for OpenBLAS to use threads, then reads the calling thread's setting. */
    private static int threadsAfterCall(Backend backend, int threads) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            DoubleBlas blas = Kernels.of(backend).withNativeThreads(threads).blas();
            try (Arena arena = Arena.ofConfined()) {
                DenseMatrix a = DenseMatrix.allocate(arena, 64, 64).fillRandom(1);
                DenseMatrix c = DenseMatrix.allocate(arena, 64, 64);
                blas.dgemm(Transpose.NO_TRANS, Transpose.NO_TRANS, 64, 64, 64, 1.0,
                        a.segment(), 64, a.segment(), 64, c.segment(), 64);
            }
            return openblas_h.openblas_get_num_threads();
        }).get();
    }

    @Test
    void eachKernelInstanceUsesItsOwnThreadCount() throws Exception {
        for (Backend b : Set.of(Backend.OPENBLAS, Backend.OPENBLAS_JNI)) {
            assertEquals(1, threadsAfterCall(b, 1), b + " single-threaded");
            assertEquals(2, threadsAfterCall(b, 2), b + " with native threads");
            String description = Kernels.of(b).description();
            assertTrue(description.contains("1 thread"), description);
        }
    }
}
