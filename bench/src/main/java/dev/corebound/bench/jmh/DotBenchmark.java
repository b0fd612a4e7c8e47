package dev.corebound.bench.jmh;

import dev.corebound.DenseVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

import java.lang.foreign.Arena;

/** x . y: 16n bytes read per call. */
public class DotBenchmark extends BlasState {

    @Param("1000")
    public int n;

    private DenseVector x;
    private DenseVector y;

    @Override
    protected void allocate(Arena arena) {
        x = DenseVector.allocate(arena, n).fillRandom(1);
        y = DenseVector.allocate(arena, n).fillRandom(2);
    }

    @Benchmark
    public double dot() {
        return blas.dot(x, y);
    }
}
