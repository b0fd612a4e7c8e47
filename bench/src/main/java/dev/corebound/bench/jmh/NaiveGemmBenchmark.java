package dev.corebound.bench.jmh;

import dev.corebound.DenseMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;

/**
 * The textbook triple loop in i-k-j order on plain double[], the baseline a
 * hand-written gemm is compared with. The inner loop is an axpy over a row of
 * C, which C2 vectorises, so it is not a straw man.
 */
@State(Scope.Benchmark)
public class NaiveGemmBenchmark {

    @Param("256")
    public int n;

    private double[] a;
    private double[] b;
    private double[] c;

    @Setup
    public void start() {
        a = new double[n * n];
        b = new double[n * n];
        c = new double[n * n];
        DenseMatrix.wrap(a, n, n).fillRandom(1); // the operands GemmBenchmark multiplies
        DenseMatrix.wrap(b, n, n).fillRandom(2);
    }

    @Benchmark
    public double gemm() {
        Arrays.fill(c, 0.0);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
        return c[n * n - 1];
    }
}
