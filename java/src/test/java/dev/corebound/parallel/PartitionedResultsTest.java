package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.BackendStatus;
import dev.corebound.Blas;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.DenseVector;
import dev.corebound.Transpose;
import dev.corebound.internal.parallel.Slices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every backend under every sliced parallelism gives bit-identical results
 * whatever the number of workers, and agrees with the serial backend within
 * rounding. Sizes span several slices so that partial results really combine.
 */
class PartitionedResultsTest {

    private static final int N = 3 * (int) Slices.LEVEL1 + 1001;
    private static final List<Parallelism> SLICED = new ArrayList<>();
    private static ProcessPool processes;

    @BeforeAll
    static void start() {
        processes = Parallelism.processes(2);
        SLICED.addAll(List.of(Parallelism.threads(1), Parallelism.threads(2), Parallelism.threads(3),
                Parallelism.virtualThreads(), Parallelism.gil(2), processes));
    }

    @AfterAll
    static void stop() {
        SLICED.forEach(Parallelism::close);
    }

    static List<Backend> backends() {
        return Corebound.available().stream().filter(BackendStatus::available).map(BackendStatus::backend).toList();
    }

    /** Runs {@code op} on every sliced parallelism and checks every result has the same bits. */
    private static void sameBitsEverywhere(Backend backend, String what, Function<Blas, double[]> op) {
        double[] first = null;
        String firstName = null;
        for (Parallelism p : SLICED) {
            double[] got = op.apply(Corebound.blas(backend, p));
            if (first == null) {
                first = got;
                firstName = p.name();
            } else {
                assertArrayEquals(first, got, 0.0, backend + " " + what + ": " + p.name() + " differs from " + firstName);
            }
        }
        double[] serial = op.apply(Corebound.blas(backend));
        for (int i = 0; i < serial.length; i++) {
            double scale = Math.max(1, Math.abs(serial[i]));
            assertEquals(serial[i], first[i], 1e-9 * scale, backend + " " + what + " [" + i + "]: sliced vs serial");
        }
    }

    @Test
    void levelOneReductions() {
        try (Arena arena = Arena.ofShared()) {
            DenseVector x = DenseVector.allocate(arena, N).fillRandom(1);
            DenseVector y = DenseVector.allocate(processes.arena(), N).fillRandom(2);
            for (Backend b : backends()) {
                sameBitsEverywhere(b, "reductions", blas -> new double[]{
                        blas.dot(x, y), blas.sum(x), blas.asum(y), blas.nrm2(x), blas.iamax(y)});
            }
        }
    }

    @Test
    void levelOneUpdates() {
        for (Backend b : backends()) {
            sameBitsEverywhere(b, "axpy+scal", blas -> {
                try (Arena arena = Arena.ofShared()) {
                    DenseVector x = DenseVector.allocate(arena, N).fillRandom(3);
                    DenseVector y = DenseVector.wrap(new double[N]).fillRandom(4);
                    blas.axpy(-1.5, x, y);
                    blas.scal(0.25, y);
                    return y.toArray();
                }
            });
        }
    }

    @Test
    void gemvAndGemmInEveryTranspose() {
        int m = 301;
        int n = 263;
        int k = 97;
        for (Backend b : backends()) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    sameBitsEverywhere(b, "gemm(" + ta + ", " + tb + ")", blas -> {
                        try (Arena arena = Arena.ofShared()) {
                            DenseMatrix a = (ta.transposed() ? DenseMatrix.allocate(arena, k, m + 3, m + 5).block(0, 3, k, m)
                                    : DenseMatrix.allocate(arena, m, k)).fillRandom(5);
                            DenseMatrix bm = (tb.transposed() ? DenseMatrix.allocate(arena, n, k) : DenseMatrix.allocate(arena, k, n))
                                    .fillRandom(6);
                            DenseMatrix c = DenseMatrix.allocate(arena, m, n + 2, n + 7).block(0, 1, m, n).fillRandom(7);
                            blas.gemm(ta, tb, 0.75, a, bm, -0.5, c);
                            DenseVector y = DenseVector.allocate(arena, m).fillRandom(8);
                            DenseVector x = DenseVector.allocate(arena, k).fillRandom(9);
                            blas.gemv(ta, 1.25, a, x, 0.5, y);
                            double[] out = new double[m * n + (int) y.length()];
                            System.arraycopy(c.toArray(), 0, out, 0, m * n);
                            System.arraycopy(y.toArray(), 0, out, m * n, (int) y.length());
                            return out;
                        }
                    });
                }
            }
        }
    }

    @Test
    void operandsOutsideSharedMemoryAreCopiedAndCounted() {
        long before = processes.stats().bytesCopied();
        Blas blas = Corebound.blas(Backend.JAVA_SCALAR, processes);
        DenseVector y = DenseVector.wrap(new double[1000]).fill(1);
        blas.scal(3, y);
        assertEquals(3.0, y.get(999), "the output came back from the worker");
        assertEquals(before + 2 * 8000, processes.stats().bytesCopied(), "copied in and back out");
        try (Arena arena = Arena.ofShared()) {
            DenseVector shared = DenseVector.allocate(processes.arena(), 1000).fill(1);
            blas.scal(3, shared);
            assertEquals(3.0, shared.get(0));
            assertEquals(before + 2 * 8000, processes.stats().bytesCopied(), "shared memory is used in place");
        }
    }

    @Test
    void confinedMemoryIsRejectedByThreads() {
        try (Arena confined = Arena.ofConfined(); ThreadPool threads = Parallelism.threads(2)) {
            DenseVector x = DenseVector.allocate(confined, 10);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Corebound.blas(Backend.JAVA_SCALAR, threads).sum(x));
            assertTrue(e.getMessage().contains("threads(2)") && e.getMessage().contains("confined"), e.getMessage());
        }
    }
}
