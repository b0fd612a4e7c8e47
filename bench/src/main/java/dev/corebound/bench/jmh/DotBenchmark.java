package dev.corebound.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;

/** x . y: 16n bytes read per call. */
public class DotBenchmark extends VectorPairState {

    @Benchmark
    public double dot() {
        return blas.dot(x, y);
    }
}
