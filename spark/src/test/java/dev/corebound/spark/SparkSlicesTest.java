package dev.corebound.spark;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.parallel.Parallelism;
import dev.corebound.workloads.Mandelbrot;
import dev.corebound.workloads.MonteCarloPi;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** corebound's slices as Spark tasks give the bits the same slices give on one machine's threads. */
class SparkSlicesTest {

    private static JavaSparkContext sc;
    private static Parallelism threads;

    @BeforeAll
    static void start() {
        sc = LocalSpark.start("SparkSlicesTest");
        threads = Parallelism.threads(2);
    }

    @AfterAll
    static void stop() {
        threads.close();
        sc.stop();
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"JAVA_SCALAR", "NATIVE"})
    void monteCarloPiCountsTheHitsOfOneMachine(Backend backend) {
        long samples = 3 * (1L << 20) + 12_345;
        MonteCarloPi.Result onSpark = SparkWorkloads.monteCarloPi(sc, backend, samples, 7);
        assertEquals(MonteCarloPi.run(threads, backend, samples, 7), onSpark);
        assertEquals(Math.PI, onSpark.pi(), 0.01);
    }

    @Test
    void mandelbrotCountsTheIterationsOfOneMachine() {
        Mandelbrot grid = Mandelbrot.classic(300, 200, 100);
        assertEquals(grid.iterations(threads, Backend.NATIVE), SparkWorkloads.mandelbrot(sc, Backend.NATIVE, grid));
    }

    @ParameterizedTest
    @CsvSource({"NATIVE, 300, 200, 170", "NATIVE, 600, 64, 50", "JAVA_VECTOR, 77, 33, 19", "NATIVE, 1, 5, 3"})
    void gemmGivesTheBitsOfOneMachine(Backend backend, int m, int k, int n) {
        DenseMatrix a = DenseMatrix.wrap(new double[m * k], m, k).fillRandom(1);
        DenseMatrix b = DenseMatrix.wrap(new double[k * n], k, n).fillRandom(2);
        DenseMatrix onSpark = DenseMatrix.wrap(new double[m * n], m, n).fill(Double.NaN); // overwritten, never read
        DenseMatrix here = DenseMatrix.wrap(new double[m * n], m, n);
        SparkGemm.gemm(sc, backend, a, b, onSpark);
        Corebound.blas(backend, threads).gemm(a, b, here);
        assertArrayEquals(here.toArray(), onSpark.toArray());
    }

    @Test
    void gemmNamesMismatchedShapes() {
        DenseMatrix a = DenseMatrix.wrap(new double[6], 2, 3);
        DenseMatrix c = DenseMatrix.wrap(new double[4], 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkGemm.gemm(sc, Backend.NATIVE, a, a, c));
        assertTrue(e.getMessage().contains("A is 2x3, B 2x3 and C 2x2"), e.getMessage());
    }

    @Test
    void executorsReportTheirBackend() {
        List<ExecutorCheck.Executor> executors = ExecutorCheck.probe(sc, Backend.NATIVE);
        assertEquals(1, executors.size()); // local mode: the executor is this JVM
        assertEquals(ProcessHandle.current().pid(), executors.getFirst().pid());
        assertTrue(executors.getFirst().available(), executors.toString());
    }
}
