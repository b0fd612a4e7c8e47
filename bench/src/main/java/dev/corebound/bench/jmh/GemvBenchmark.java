package dev.corebound.bench.jmh;

import dev.corebound.DenseMatrix;
import dev.corebound.DenseVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

import java.lang.foreign.Arena;

/** y = A * x for an n x n matrix: 2n^2 flops and 8n^2 bytes of A per call. */
public class GemvBenchmark extends BlasState {

    @Param("1024")
    public int n;

    private DenseMatrix a;
    private DenseVector x;
    private DenseVector y;

    @Override
    protected void allocate(Arena arena) {
        a = DenseMatrix.allocate(arena, n, n).fillRandom(1);
        x = DenseVector.allocate(arena, n).fillRandom(2);
        y = DenseVector.allocate(arena, n);
    }

    @Benchmark
    public double gemv() {
        blas.gemv(a, x, y);
        return y.get(n - 1);
    }
}
