package dev.corebound.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;

/** y += a * x: 24n bytes of traffic per call (x read, y read and written). */
public class AxpyBenchmark extends VectorPairState {

    /** alpha alternates sign between calls so y stays bounded however many calls run. */
    private double alpha = 1e-3;

    @Benchmark
    public double axpy() {
        alpha = -alpha;
        blas.axpy(alpha, x, y);
        return y.get(0);
    }
}
