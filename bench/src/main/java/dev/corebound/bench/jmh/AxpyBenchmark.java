package dev.corebound.bench.jmh;

import dev.corebound.DenseVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

import java.lang.foreign.Arena;

/** y += a * x: 24n bytes of traffic per call (x read, y read and written). */
public class AxpyBenchmark extends BlasState {

    @Param("1000")
    public int n;

    private DenseVector x;
    private DenseVector y;

    @Override
    protected void allocate(Arena arena) {
        x = DenseVector.allocate(arena, n).fillRandom(1);
        y = DenseVector.allocate(arena, n).fillRandom(2);
    }

    /** alpha alternates sign between calls so y stays bounded however many calls run. */
    private double alpha = 1e-3;

    @Benchmark
    public double axpy() {
        alpha = -alpha;
        blas.axpy(alpha, x, y);
        return y.get(0);
    }
}
