package dev.corebound;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.Arena;
import java.util.stream.Stream;

import static dev.corebound.Transpose.NO_TRANS;
import static dev.corebound.Transpose.TRANS;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input gets an exception naming the operation and the shapes, on every
 * backend, before any kernel runs (a native kernel given these would read or
 * write out of bounds).
 */
class BlasValidationTest {

    static Stream<Backend> backends() {
        return Corebound.available().stream().filter(BackendStatus::available).map(BackendStatus::backend);
    }

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message \"" + e.getMessage() + "\" lacks \"" + f + "\"");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void levelOneRejectsMismatchedLengths(Backend backend) {
        Blas blas = Corebound.blas(backend);
        try (Arena arena = Arena.ofConfined()) {
            DenseVector x = DenseVector.allocate(arena, 5);
            DenseVector y = DenseVector.allocate(arena, 6);
            assertRejected(() -> blas.dot(x, y), "dot", "length 5", "length 6");
            assertRejected(() -> blas.axpy(2.0, x, y), "axpy", "length 5", "length 6");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void axpyRejectsPartlyOverlappingVectorsButAcceptsTheSameOne(Backend backend) {
        Blas blas = Corebound.blas(backend);
        try (Arena arena = Arena.ofConfined()) {
            DenseVector v = DenseVector.allocate(arena, 10).fill(1.0);
            assertRejected(() -> blas.axpy(1.0, v.subvector(0, 5), v.subvector(2, 5)), "axpy", "y overlaps x");
            blas.axpy(1.0, v, v);
            assertTrue(v.get(9) == 2.0, "axpy(x, x) doubles x");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gemvRejectsMismatchedShapes(Backend backend) {
        Blas blas = Corebound.blas(backend);
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix a = DenseMatrix.allocate(arena, 3, 4);
            DenseVector x4 = DenseVector.allocate(arena, 4);
            DenseVector x3 = DenseVector.allocate(arena, 3);
            DenseVector y3 = DenseVector.allocate(arena, 3);
            assertRejected(() -> blas.gemv(NO_TRANS, 1, a, x3, 0, y3), "gemv(NO_TRANS)", "3x4", "x has length 3");
            assertRejected(() -> blas.gemv(TRANS, 1, a, x4, 0, y3), "gemv(TRANS)", "op(A) is 4x3");
            assertDoesNotThrow(() -> blas.gemv(NO_TRANS, 1, a, x4, 0, y3));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gemvRejectsAnOutputThatOverlapsAnInput(Backend backend) {
        Blas blas = Corebound.blas(backend);
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix a = DenseMatrix.allocate(arena, 4, 4);
            DenseVector x = DenseVector.allocate(arena, 4);
            assertRejected(() -> blas.gemv(NO_TRANS, 1, a, x, 0, a.row(2)), "gemv", "y overlaps A");
            assertRejected(() -> blas.gemv(NO_TRANS, 1, a, x, 0, x), "gemv", "y overlaps x");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gemmRejectsMismatchedShapes(Backend backend) {
        Blas blas = Corebound.blas(backend);
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix a = DenseMatrix.allocate(arena, 3, 4);
            DenseMatrix b = DenseMatrix.allocate(arena, 5, 2);
            DenseMatrix c = DenseMatrix.allocate(arena, 3, 2);
            assertRejected(() -> blas.gemm(NO_TRANS, NO_TRANS, 1, a, b, 0, c), "gemm(NO_TRANS, NO_TRANS)",
                    "op(A) is 3x4", "op(B) is 5x2", "C is 3x2");
            DenseMatrix bt = DenseMatrix.allocate(arena, 2, 4);
            assertDoesNotThrow(() -> blas.gemm(NO_TRANS, TRANS, 1, a, bt, 0, c));
            assertRejected(() -> blas.gemm(NO_TRANS, TRANS, 1, a, bt, 0, DenseMatrix.allocate(arena, 2, 3)),
                    "gemm(NO_TRANS, TRANS)", "C is 2x3");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gemmRejectsAnOutputThatSharesElementsWithAnInput(Backend backend) {
        Blas blas = Corebound.blas(backend);
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix m = DenseMatrix.allocate(arena, 4, 8).fillRandom(1);
            DenseMatrix left = m.block(0, 0, 4, 4);
            DenseMatrix right = m.block(0, 4, 4, 4);
            assertRejected(() -> blas.gemm(NO_TRANS, NO_TRANS, 1, left, right, 0, m.block(0, 2, 4, 4)),
                    "gemm", "C overlaps A");
            assertRejected(() -> blas.gemm(NO_TRANS, NO_TRANS, 1, left, right, 0, m.block(0, 3, 4, 4)),
                    "gemm", "C overlaps");
            // The left and right halves share a span of memory but not one element: allowed.
            DenseMatrix b = DenseMatrix.allocate(arena, 4, 4).fillRandom(2);
            assertDoesNotThrow(() -> blas.gemm(NO_TRANS, NO_TRANS, 1, left, b, 0, right));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void closedMemoryIsNamedAsSuch(Backend backend) {
        Blas blas = Corebound.blas(backend);
        Arena arena = Arena.ofConfined();
        DenseVector x = DenseVector.allocate(arena, 8);
        DenseMatrix a = DenseMatrix.allocate(arena, 2, 4);
        arena.close();
        try (Arena live = Arena.ofConfined()) {
            DenseVector y = DenseVector.allocate(live, 8);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> blas.dot(x, y));
            assertTrue(e.getMessage().contains("dot") && e.getMessage().contains("closed"), e.getMessage());
            DenseMatrix c = DenseMatrix.allocate(live, 2, 2);
            DenseMatrix b = DenseMatrix.allocate(live, 4, 2);
            e = assertThrows(IllegalStateException.class, () -> blas.gemm(a, b, c));
            assertTrue(e.getMessage().contains("gemm") && e.getMessage().contains("memory of A was closed"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void memoryConfinedToAnotherThreadIsRejected(Backend backend) throws Exception {
        Blas blas = Corebound.blas(backend);
        try (Arena arena = Arena.ofConfined()) {
            DenseVector x = DenseVector.allocate(arena, 8);
            Throwable[] thrown = new Throwable[1];
            Thread t = new Thread(() -> thrown[0] = catchAny(() -> blas.sum(x)));
            t.start();
            t.join();
            assertTrue(thrown[0] instanceof IllegalArgumentException && thrown[0].getMessage().contains("confined"),
                    String.valueOf(thrown[0]));
        }
    }

    private static Throwable catchAny(Executable e) {
        try {
            e.execute();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
