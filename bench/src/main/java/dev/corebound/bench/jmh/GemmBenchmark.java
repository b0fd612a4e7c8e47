package dev.corebound.bench.jmh;

import dev.corebound.DenseMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

import java.lang.foreign.Arena;

/** C = A * B for n x n matrices: 2n^3 flops per call. */
public class GemmBenchmark extends BlasState {

    @Param("256")
    public int n;

    private DenseMatrix a;
    private DenseMatrix b;
    private DenseMatrix c;

    @Override
    protected void allocate(Arena arena) {
        a = DenseMatrix.allocate(arena, n, n).fillRandom(1);
        b = DenseMatrix.allocate(arena, n, n).fillRandom(2);
        c = DenseMatrix.allocate(arena, n, n);
    }

    @Benchmark
    public double gemm() {
        blas.gemm(a, b, c);
        return c.get(n - 1, n - 1);
    }
}
