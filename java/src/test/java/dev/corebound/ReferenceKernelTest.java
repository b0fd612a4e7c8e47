package dev.corebound;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;

import static dev.corebound.Transpose.NO_TRANS;
import static dev.corebound.Transpose.TRANS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference backend against values worked out by hand and against the
 * textbook definitions, on small integers where every result is exact.
 */
class ReferenceKernelTest {

    private final Blas blas = Corebound.blas(Backend.JAVA_SCALAR);

    @Test
    void levelOneOnAKnownVector() {
        try (Arena arena = Arena.ofConfined()) {
            DenseVector x = DenseVector.of(arena, 3, -4, 0, 1);
            DenseVector y = DenseVector.of(arena, 1, 2, 3, 4);
            assertEquals(3 - 8 + 0 + 4, blas.dot(x, y));
            assertEquals(8, blas.asum(x));
            assertEquals(0, blas.sum(x));
            assertEquals(Math.sqrt(26), blas.nrm2(x), 1e-15);
            assertEquals(1, blas.iamax(x));
            blas.axpy(2, x, y);
            assertArrayEquals(new double[]{7, -6, 3, 6}, y.toArray());
            blas.scal(-0.5, y);
            assertArrayEquals(new double[]{-3.5, 3, -1.5, -3}, y.toArray());
        }
    }

    @Test
    void gemvOnAKnownMatrix() {
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix a = DenseMatrix.allocate(arena, 2, 3).copyFrom(new double[]{1, 2, 3, 4, 5, 6});
            DenseVector y = DenseVector.of(arena, 10, 20);
            blas.gemv(NO_TRANS, 2, a, DenseVector.of(arena, 1, 0, -1), 0.5, y);
            assertArrayEquals(new double[]{2 * (1 - 3) + 5, 2 * (4 - 6) + 10}, y.toArray());
            DenseVector z = DenseVector.allocate(arena, 3);
            blas.gemv(TRANS, 1, a, DenseVector.of(arena, 1, 1), 0, z);
            assertArrayEquals(new double[]{5, 7, 9}, z.toArray());
        }
    }

    @Test
    void gemmMatchesTheDefinitionForEveryTranspose() {
        SplittableRandom random = new SplittableRandom(3);
        int m = 37, n = 300, k = 141; // wider than one block of the blocked loop, in every dimension
        double[] a = random.ints(m * k, -4, 5).asDoubleStream().toArray();
        double[] b = random.ints(k * n, -4, 5).asDoubleStream().toArray();
        double[] c0 = random.ints(m * n, -4, 5).asDoubleStream().toArray();
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                double[] want = new double[m * n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            s += (ta == TRANS ? a[p * m + i] : a[i * k + p]) * (tb == TRANS ? b[j * k + p] : b[p * n + j]);
                        }
                        want[i * n + j] = 3 * s - 2 * c0[i * n + j];
                    }
                }
                DenseMatrix am = ta == TRANS ? DenseMatrix.wrap(a, k, m) : DenseMatrix.wrap(a, m, k);
                DenseMatrix bm = tb == TRANS ? DenseMatrix.wrap(b, n, k) : DenseMatrix.wrap(b, k, n);
                DenseMatrix c = DenseMatrix.wrap(c0.clone(), m, n);
                blas.gemm(ta, tb, 3, am, bm, -2, c);
                assertArrayEquals(want, c.toArray(), ta + ", " + tb);
            }
        }
    }

    @Test
    void gemmWithEmptyInnerDimensionScalesC() {
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix c = DenseMatrix.allocate(arena, 2, 2).fill(4);
            blas.gemm(NO_TRANS, NO_TRANS, 1, DenseMatrix.allocate(arena, 2, 0), DenseMatrix.allocate(arena, 0, 2), 0.5, c);
            assertArrayEquals(new double[]{2, 2, 2, 2}, c.toArray());
        }
    }
}
