package dev.corebound;

import dev.corebound.Operands.Layout;
import dev.corebound.Operands.Placed;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.lang.foreign.Arena;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every available backend against {@link Backend#JAVA_SCALAR}, the reference,
 * on random inputs: sizes 0 to 300 with extra weight on the edges of SIMD
 * widths and block sizes, heap and off-heap memory, views with offsets and
 * padded leading dimensions, every transpose, and alpha/beta including 0 and 1.
 *
 * <p>Tolerance: two correct summations of the same terms in different orders
 * (or with fused multiply-add) each differ from the exact sum by at most
 * gamma(n) = n*u/(1 - n*u) times the sum of |terms| (u = 2^-53, Higham's bound
 * for recursive summation), so they differ from each other by at most twice
 * that. The tests allow 2 * (n + 2) * u * sum|terms|, the +2 covering the
 * scaling by alpha and the addition of beta * C.
 */
class BackendAgreementTest {

    private static final double U = 0x1p-53;
    private static final Blas REFERENCE = Corebound.blas(Backend.JAVA_SCALAR);
    private static List<Blas> others;

    @BeforeContainer
    static void findBackends() {
        others = Corebound.available().stream()
                .filter(s -> s.available() && s.backend() != Backend.JAVA_SCALAR)
                .map(s -> Corebound.blas(s.backend()))
                .toList();
    }

    @Example
    void theCompiledBackendsAreHere() {
        // The build packs the native library and adds the Vector API module; if either went missing
        // this suite would quietly compare the reference with itself.
        List<Backend> tested = others.stream().map(Blas::backend).toList();
        assertTrue(tested.contains(Backend.JAVA_VECTOR), "JAVA_VECTOR must be tested: " + Corebound.available());
        assertTrue(tested.contains(Backend.NATIVE), "NATIVE must be tested: " + Corebound.available());
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 48, 49,
                        63, 64, 65, 127, 128, 129, 131, 251, 255, 256, 257, 293, 300),
                Arbitraries.integers().between(0, 300));
    }

    /** Matrix dimensions: small enough that the scalar reference stays quick, with block edges. */
    @Provide
    Arbitrary<Integer> dims() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 16, 17, 23, 24, 25, 31, 32, 33, 47, 49, 65),
                Arbitraries.integers().between(0, 97));
    }

    @Provide
    Arbitrary<Layout> layouts() {
        return Combinators.combine(Arbitraries.of(false, true), Arbitraries.of(0, 0, 1, 3), Arbitraries.of(0, 0, 1, 5))
                .as(Layout::new);
    }

    @Provide
    Arbitrary<Double> scalars() {
        return Arbitraries.of(0.0, 1.0, -1.0, 0.5, -2.25, 3.0);
    }

    @Property(tries = 150)
    void dot(@ForAll("sizes") int n, @ForAll("layouts") Layout lx, @ForAll("layouts") Layout ly, @ForAll long seed) {
        try (Arena arena = Arena.ofConfined()) {
            Operands ops = new Operands(arena);
            DenseVector x = ops.vector(n, lx, seed);
            DenseVector y = ops.vector(n, ly, seed + 1);
            double[] xs = x.toArray();
            double[] ys = y.toArray();
            double terms = 0;
            for (int i = 0; i < n; i++) {
                terms += Math.abs(xs[i] * ys[i]);
            }
            double want = REFERENCE.dot(x, y);
            for (Blas b : others) {
                assertClose(want, b.dot(x, y), bound(n, terms), b + " dot, n=" + n);
            }
        }
    }

    @Property(tries = 150)
    void reductions(@ForAll("sizes") int n, @ForAll("layouts") Layout layout, @ForAll long seed) {
        try (Arena arena = Arena.ofConfined()) {
            DenseVector x = new Operands(arena).vector(n, layout, seed);
            double terms = Arrays.stream(x.toArray()).map(Math::abs).sum();
            double norm = REFERENCE.nrm2(x);
            for (Blas b : others) {
                String at = b + ", n=" + n + ", " + layout;
                assertClose(REFERENCE.asum(x), b.asum(x), bound(n, terms), "asum " + at);
                assertClose(REFERENCE.sum(x), b.sum(x), bound(n, terms), "sum " + at);
                assertClose(norm, b.nrm2(x), bound(n, norm), "nrm2 " + at);
                assertEquals(REFERENCE.iamax(x), b.iamax(x), "iamax " + at);
            }
        }
    }

    @Property(tries = 150)
    void axpyAndScal(@ForAll("sizes") int n, @ForAll("scalars") double alpha, @ForAll("layouts") Layout lx,
                     @ForAll("layouts") Layout ly, @ForAll long seed) {
        try (Arena arena = Arena.ofConfined()) {
            Operands ops = new Operands(arena);
            DenseVector x = ops.vector(n, lx, seed);
            Placed want = ops.placed(1, n, ly, seed + 1);
            REFERENCE.axpy(alpha, x, want.view().row(0));
            Placed wantScaled = ops.placed(1, n, ly, seed + 2);
            REFERENCE.scal(alpha, wantScaled.view().row(0));
            for (Blas b : others) {
                String at = b + ", n=" + n + ", alpha=" + alpha + ", x " + lx + ", y " + ly;
                Placed got = ops.placed(1, n, ly, seed + 1);
                b.axpy(alpha, x, got.view().row(0));
                assertElementsClose(want.view(), got.view(), (i, j) -> bound(1, Math.abs(want.view().get(i, j))
                        + Math.abs(alpha * x.get(j))), "axpy " + at);
                got.assertOutsideUnchanged("axpy " + at);
                Placed scaled = ops.placed(1, n, ly, seed + 2);
                b.scal(alpha, scaled.view().row(0));
                assertElementsClose(wantScaled.view(), scaled.view(), (i, j) -> bound(0, Math.abs(wantScaled.view().get(i, j))),
                        "scal " + at);
                scaled.assertOutsideUnchanged("scal " + at);
            }
        }
    }

    @Property(tries = 200)
    void gemv(@ForAll("dims") int m, @ForAll("dims") int n, @ForAll Transpose trans,
              @ForAll("scalars") double alpha, @ForAll("scalars") double beta,
              @ForAll("layouts") Layout la, @ForAll("layouts") Layout ly, @ForAll long seed) {
        try (Arena arena = Arena.ofConfined()) {
            Operands ops = new Operands(arena);
            DenseMatrix a = ops.matrix(m, n, la, seed);
            int xLen = trans.transposed() ? m : n;
            int yLen = trans.transposed() ? n : m;
            DenseVector x = ops.vector(xLen, Layout.PLAIN, seed + 1);
            Placed want = ops.placed(1, yLen, ly, seed + 2);
            double[] y0 = want.view().toArray();
            REFERENCE.gemv(trans, alpha, a, x, beta, want.view().row(0));
            for (Blas b : others) {
                String at = b + " gemv(" + trans + ") A " + m + "x" + n + " " + la + ", y " + ly + ", alpha=" + alpha + ", beta=" + beta;
                Placed got = ops.placed(1, yLen, ly, seed + 2);
                b.gemv(trans, alpha, a, x, beta, got.view().row(0));
                assertElementsClose(want.view(), got.view(), (i, j) -> {
                    double terms = Math.abs(beta * y0[j]);
                    for (int p = 0; p < xLen; p++) {
                        terms += Math.abs(alpha * (trans.transposed() ? a.get(p, j) : a.get(j, p)) * x.get(p));
                    }
                    return bound(xLen, terms);
                }, at);
                got.assertOutsideUnchanged(at);
            }
        }
    }

    @Property(tries = 200)
    void gemm(@ForAll("dims") int m, @ForAll("dims") int n, @ForAll("dims") int k,
              @ForAll Transpose ta, @ForAll Transpose tb, @ForAll("scalars") double alpha, @ForAll("scalars") double beta,
              @ForAll("layouts") Layout la, @ForAll("layouts") Layout lb, @ForAll("layouts") Layout lc, @ForAll long seed) {
        checkGemm(m, n, k, ta, tb, alpha, beta, la, lb, lc, seed);
    }

    @Example
    void gemmAtLargerSizes() {
        int[][] shapes = {{300, 257, 129}, {131, 300, 293}, {256, 256, 256}, {1, 300, 300}, {300, 1, 300}, {300, 300, 1}};
        long seed = 7;
        for (int[] s : shapes) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    checkGemm(s[0], s[1], s[2], ta, tb, 1.5, 0.5, new Layout(false, 1, 3), new Layout(true, 0, 2),
                            new Layout(false, 2, 1), seed++);
                }
            }
        }
    }

    private static void checkGemm(int m, int n, int k, Transpose ta, Transpose tb, double alpha, double beta,
                                  Layout la, Layout lb, Layout lc, long seed) {
        try (Arena arena = Arena.ofConfined()) {
            Operands ops = new Operands(arena);
            DenseMatrix a = ta.transposed() ? ops.matrix(k, m, la, seed) : ops.matrix(m, k, la, seed);
            DenseMatrix b = tb.transposed() ? ops.matrix(n, k, lb, seed + 1) : ops.matrix(k, n, lb, seed + 1);
            double[] as = a.toArray();
            double[] bs = b.toArray();
            Placed want = ops.placed(m, n, lc, seed + 2);
            double[] c0 = want.view().toArray();
            REFERENCE.gemm(ta, tb, alpha, a, b, beta, want.view());
            for (Blas blas : others) {
                String at = blas + " gemm(" + ta + ", " + tb + ") m=" + m + " n=" + n + " k=" + k
                        + ", A " + la + ", B " + lb + ", C " + lc + ", alpha=" + alpha + ", beta=" + beta;
                Placed got = ops.placed(m, n, lc, seed + 2);
                blas.gemm(ta, tb, alpha, a, b, beta, got.view());
                assertElementsClose(want.view(), got.view(), (i, j) -> {
                    double terms = Math.abs(beta * c0[i * n + j]);
                    for (int p = 0; p < k; p++) {
                        double aip = ta.transposed() ? as[p * m + i] : as[i * k + p];
                        double bpj = tb.transposed() ? bs[j * k + p] : bs[p * n + j];
                        terms += Math.abs(alpha * aip * bpj);
                    }
                    return bound(k, terms);
                }, at);
                got.assertOutsideUnchanged(at);
            }
        }
    }

    // BLAS defines these outcomes exactly, so every backend must match them exactly.

    @Example
    void betaZeroOverwritesNaNInTheOutput() {
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix a = DenseMatrix.allocate(arena, 5, 7).fillRandom(1);
            DenseMatrix b = DenseMatrix.allocate(arena, 7, 3).fillRandom(2);
            DenseVector x = DenseVector.allocate(arena, 7).fillRandom(3);
            for (Blas blas : all()) {
                DenseMatrix c = DenseMatrix.allocate(arena, 5, 3).fill(Double.NaN);
                blas.gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, 1.0, a, b, 0.0, c);
                assertNoNaN(c, blas + " gemm with beta = 0");
                DenseVector y = DenseVector.allocate(arena, 5).fill(Double.NaN);
                blas.gemv(Transpose.NO_TRANS, 1.0, a, x, 0.0, y);
                assertNoNaN(DenseMatrix.wrap(y.segment(), 1, 5, 5), blas + " gemv with beta = 0");
            }
        }
    }

    @Example
    void alphaZeroSkipsTheProduct() {
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix a = DenseMatrix.allocate(arena, 4, 6).fill(Double.NaN);
            DenseMatrix b = DenseMatrix.allocate(arena, 6, 5).fill(Double.POSITIVE_INFINITY);
            DenseVector x = DenseVector.allocate(arena, 6).fill(Double.NaN);
            for (Blas blas : all()) {
                DenseMatrix c = DenseMatrix.allocate(arena, 4, 5).fill(2.0);
                blas.gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, 0.0, a, b, 0.5, c);
                assertTrue(Arrays.stream(c.toArray()).allMatch(v -> v == 1.0), blas + " gemm with alpha = 0: " + c);
                DenseVector y = DenseVector.allocate(arena, 4).fill(2.0);
                blas.gemv(Transpose.NO_TRANS, 0.0, a, x, 0.5, y);
                assertTrue(Arrays.stream(y.toArray()).allMatch(v -> v == 1.0), blas + " gemv with alpha = 0: " + y);
                DenseVector z = DenseVector.allocate(arena, 6).fill(1.0);
                blas.axpy(0.0, x, z);
                assertTrue(Arrays.stream(z.toArray()).allMatch(v -> v == 1.0), blas + " axpy with alpha = 0: " + z);
            }
        }
    }

    @Example
    void nanAndInfinityPropagate() {
        try (Arena arena = Arena.ofConfined()) {
            for (int n : new int[]{1, 5, 33, 1000}) {
                DenseVector x = DenseVector.allocate(arena, n).fillRandom(n);
                DenseVector y = DenseVector.allocate(arena, n).fillRandom(n + 1);
                x.set(n / 2, Double.NaN);
                DenseVector inf = DenseVector.allocate(arena, n).fillRandom(n + 2);
                inf.set(n - 1, Double.POSITIVE_INFINITY);
                DenseVector infs = DenseVector.allocate(arena, n + 1).fillRandom(n + 3);
                infs.set(0, Double.NEGATIVE_INFINITY);
                infs.set(n, Double.POSITIVE_INFINITY);
                for (Blas blas : all()) {
                    String at = blas + ", n=" + n;
                    assertTrue(Double.isNaN(blas.dot(x, y)), "dot with NaN, " + at);
                    assertTrue(Double.isNaN(blas.sum(x)), "sum with NaN, " + at);
                    assertTrue(Double.isNaN(blas.asum(x)), "asum with NaN, " + at);
                    assertTrue(Double.isNaN(blas.nrm2(x)), "nrm2 with NaN, " + at);
                    assertEquals(Double.POSITIVE_INFINITY, blas.sum(inf), "sum with +Inf, " + at);
                    assertEquals(Double.POSITIVE_INFINITY, blas.asum(inf), "asum with +Inf, " + at);
                    assertEquals(Double.POSITIVE_INFINITY, blas.nrm2(inf), "nrm2 with +Inf, " + at);
                    assertEquals(Double.POSITIVE_INFINITY, blas.nrm2(infs), "nrm2 with two infinities, " + at);
                    assertEquals(n - 1, blas.iamax(inf), "iamax with +Inf, " + at);
                    DenseVector scaled = DenseVector.allocate(arena, n).copyFrom(x.toArray());
                    blas.scal(0.0, scaled);
                    assertTrue(Double.isNaN(scaled.get(n / 2)), "scal by 0 keeps NaN (reference BLAS), " + at);
                }
            }
        }
    }

    @Example
    void nrm2NeitherOverflowsNorUnderflows() {
        try (Arena arena = Arena.ofConfined()) {
            for (double scale : new double[]{1e300, 1e-300, 1e-320}) {
                DenseVector x = DenseVector.allocate(arena, 100).fill(scale);
                double want = scale * 10;
                for (Blas blas : all()) {
                    assertClose(want, blas.nrm2(x), want * 1e-13 + Double.MIN_VALUE * 64, blas + " nrm2 at scale " + scale);
                }
            }
        }
    }

    @Example
    void emptyAndSingleElementInputs() {
        try (Arena arena = Arena.ofConfined()) {
            DenseVector empty = DenseVector.allocate(arena, 0);
            DenseVector one = DenseVector.of(arena, -4.0);
            for (Blas blas : all()) {
                assertEquals(0.0, blas.dot(empty, empty), blas + " dot");
                assertEquals(0.0, blas.sum(empty), blas + " sum");
                assertEquals(0.0, blas.asum(empty), blas + " asum");
                assertEquals(0.0, blas.nrm2(empty), blas + " nrm2");
                assertEquals(-1, blas.iamax(empty), blas + " iamax of nothing");
                assertEquals(16.0, blas.dot(one, one), blas + " dot");
                assertEquals(4.0, blas.nrm2(one), blas + " nrm2");
                assertEquals(0, blas.iamax(one), blas + " iamax");
            }
        }
    }

    @Example
    void iamaxTakesTheFirstOfEqualMagnitudes() {
        try (Arena arena = Arena.ofConfined()) {
            double[] values = new double[300];
            values[17] = -9;
            values[200] = 9;
            values[299] = 9;
            DenseVector x = DenseVector.of(arena, values);
            for (Blas blas : all()) {
                assertEquals(17, blas.iamax(x), blas + " iamax");
            }
        }
    }

    private static List<Blas> all() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(REFERENCE), others.stream()).toList();
    }

    /** 2 * (n + 2) * u * terms, plus the smallest normal so that all-zero terms allow exact zero only. */
    private static double bound(int n, double terms) {
        return 2 * (n + 2) * U * terms + Double.MIN_NORMAL;
    }

    private static void assertClose(double want, double got, double bound, String what) {
        if (Double.isNaN(want) || Double.isInfinite(want)) {
            assertEquals(want, got, what);
            return;
        }
        assertTrue(Math.abs(want - got) <= bound, () -> what + ": want " + want + ", got " + got
                + " (difference " + Math.abs(want - got) + " > bound " + bound + ")");
    }

    interface ElementBound {
        double at(int i, int j);
    }

    private static void assertElementsClose(DenseMatrix want, DenseMatrix got, ElementBound bound, String what) {
        for (int i = 0; i < want.rows(); i++) {
            for (int j = 0; j < want.cols(); j++) {
                assertClose(want.get(i, j), got.get(i, j), bound.at(i, j), what + ", element (" + i + ", " + j + ")");
            }
        }
    }

    private static void assertNoNaN(DenseMatrix m, String what) {
        assertFalse(Arrays.stream(m.toArray()).anyMatch(Double::isNaN), what + " left NaN: " + m);
    }
}
