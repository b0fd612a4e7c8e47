package dev.corebound.bench.jmh;

import dev.corebound.Backend;
import dev.corebound.workloads.Mandelbrot;
import dev.corebound.workloads.MonteCarloPi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** The CPU-bound workloads: pure arithmetic, the case where parallelism should scale with cores. */
public class WorkloadBenchmark extends ParallelismState {

    /** Monte Carlo samples per call. */
    @Param("4194304")
    public long samples;

    /** Mandelbrot grid side (points per row and rows). */
    @Param("512")
    public int grid;

    private Backend kernel;
    private Mandelbrot mandelbrot;

    @Override
    protected void prepare(Backend backend) {
        kernel = backend;
        mandelbrot = Mandelbrot.classic(grid, grid, 256);
    }

    @Benchmark
    public long monteCarloPi() {
        return MonteCarloPi.run(workers, kernel, samples, 42).hits();
    }

    @Benchmark
    public long mandelbrot() {
        return mandelbrot.iterations(workers, kernel);
    }
}
