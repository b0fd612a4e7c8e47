package org.example.user;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseVector;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.loader.NativeLibrary;
import dev.corebound.internal.loader.OpenBlasLibrary;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.internal.parallel.Task;
import dev.corebound.parallel.Parallelism;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What user code on the class path can do with corebound's internals, where
 * every public class is reachable: nothing that runs a kernel unchecked. The
 * test lives outside corebound's packages on purpose, as user code does.
 */
class InternalsFromUserCodeTest {

    /** A lambda, not a method reference: its frame is this class, the caller the message names. */
    private static void refused(Executable door) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, door);
        assertTrue(e.getMessage().contains("internal to corebound"), e.getMessage());
        assertTrue(e.getMessage().contains(InternalsFromUserCodeTest.class.getName()), "names the caller: " + e.getMessage());
    }

    @Test
    void everyDoorToUncheckedKernelsRefusesUserCode() {
        refused(() -> Kernels.of(Backend.NATIVE));
        refused(() -> Kernels.nativeWithOrdinaryDowncalls());
        refused(() -> Kernels.crashInNativeCode());
        refused(() -> NativeLibrary.corebound());
        refused(() -> OpenBlasLibrary.lookup());
        try (Parallelism threads = Parallelism.threads(2)) {
            refused(() -> ParallelAccess.workers(threads));
            refused(() -> ParallelAccess.kernels(Backend.NATIVE, threads));
        }
    }

    /** The call issue 11 reported: 1,000,000 elements of a four-element array, through every route left. */
    @Test
    void theRawCallOfTheReportThrowsBeforeAnyKernel() {
        DenseVector x = DenseVector.wrap(new double[4]);
        assertThrows(IndexOutOfBoundsException.class, () -> new Task.Dot(1_000_000, x.segment(), x.segment()));
        assertThrows(IndexOutOfBoundsException.class, () -> new Task.Dot(-1, x.segment(), x.segment()));
        assertThrows(IndexOutOfBoundsException.class, () -> x.subvector(0, 1_000_000));
        assertEquals(0.0, Corebound.blas(Backend.JAVA_SCALAR).dot(x, x));
    }

    @Test
    void theGeneratedBindingsAreNotPublic() throws ClassNotFoundException {
        for (String binding : new String[]{"corebound_h", "openblas_h"}) {
            Class<?> c = Class.forName("dev.corebound.internal.kernel." + binding);
            assertFalse(Modifier.isPublic(c.getModifiers()), binding + " must be package-private");
        }
    }

    @Test
    void theRegistrationOfParallelismsAccessCannotBeTaken() {
        assertThrows(IllegalStateException.class, () -> ParallelAccess.register(p -> null));
    }

    @Test
    void theApiStillWorksFromUserCode() {
        try (Parallelism threads = Parallelism.threads(2)) {
            DenseVector x = DenseVector.allocate(threads.arena(), 1000).fill(2);
            assertEquals(4000.0, Corebound.blas(Backend.JAVA_SCALAR, threads).dot(x, x));
        }
    }
}
