package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.Blas;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.Transpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two-phase gemm (B packed once by all workers, rectangles of C computed
 * from it) of a backend that offers it, under threads and processes: the same
 * bits as the backend's serial gemm, and within rounding of JAVA_SCALAR, on
 * shapes that cross the kernel's blocks (k past a slice, n past a column
 * step and past the columns summed at once, m past a row block and the
 * workers' rectangles), views with offsets and padded leading dimensions,
 * every transpose, alpha and beta.
 */
class TwoPhaseGemmTest {

    /** Backends whose gemm the parallel layer runs in two phases. */
    private static final List<Backend> TWO_PHASE = List.of(Backend.JAVA_VECTOR, Backend.NATIVE);
    private static final int[][] SHAPES = {{1, 1, 1}, {5, 17, 3}, {13, 31, 300}, {97, 40, 257}, {200, 33, 64},
            {300, 301, 129}, {31, 513, 7}, {2, 4099, 3}};
    private static List<Parallelism> parallelisms;

    @BeforeAll
    static void start() {
        parallelisms = List.of(Parallelism.threads(3), Parallelism.processes(2));
    }

    @AfterAll
    static void stop() {
        parallelisms.forEach(Parallelism::close);
    }

    @Test
    void sameBitsAsSerialAndCloseToTheReference() {
        Blas reference = Corebound.blas(Backend.JAVA_SCALAR);
        for (Backend backend : TWO_PHASE) {
            Blas serial = Corebound.blas(backend);
            long seed = 1;
            for (int[] s : SHAPES) {
                for (Transpose ta : Transpose.values()) {
                    for (Transpose tb : Transpose.values()) {
                        seed += 3;
                        double[] want = product(serial, s, ta, tb, seed);
                        double[] close = product(reference, s, ta, tb, seed);
                        String at = backend + " gemm(" + ta + ", " + tb + ") " + s[0] + "x" + s[1] + "x" + s[2];
                        for (int i = 0; i < want.length; i++) {
                            assertEquals(close[i], want[i], 1e-12 * s[2] * Math.max(1, Math.abs(close[i])),
                                    at + " serial against JAVA_SCALAR, element " + i);
                        }
                        for (Parallelism p : parallelisms) {
                            double[] got = product(Corebound.blas(backend, p), s, ta, tb, seed);
                            for (int i = 0; i < want.length; i++) {
                                assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(got[i]),
                                        () -> at + " on " + p.name() + " differs from serial");
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * C = 1.5 op(A) op(B) - 0.5 C for m x n x k = s, A a view with an offset and
     * a padded leading dimension, C a view; returns C's elements row by row.
     */
    private static double[] product(Blas blas, int[] s, Transpose ta, Transpose tb, long seed) {
        int m = s[0];
        int n = s[1];
        int k = s[2];
        try (Arena arena = Arena.ofShared()) {
            int ar = ta.transposed() ? k : m;
            int ac = ta.transposed() ? m : k;
            DenseMatrix a = DenseMatrix.allocate(arena, ar + 2, ac + 3, ac + 5).block(2, 1, ar, ac).fillRandom(seed);
            DenseMatrix b = (tb.transposed() ? DenseMatrix.allocate(arena, n, k) : DenseMatrix.allocate(arena, k, n))
                    .fillRandom(seed + 1);
            DenseMatrix c = DenseMatrix.allocate(arena, m + 1, n + 4, n + 9).block(1, 3, m, n).fillRandom(seed + 2);
            blas.gemm(ta, tb, 1.5, a, b, -0.5, c);
            return c.toArray();
        }
    }
}
