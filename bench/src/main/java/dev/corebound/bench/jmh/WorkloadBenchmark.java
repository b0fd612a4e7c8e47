package dev.corebound.bench.jmh;

import dev.corebound.Backend;
import dev.corebound.parallel.Parallelism;
import dev.corebound.workloads.Mandelbrot;
import dev.corebound.workloads.MonteCarloPi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The CPU-bound workloads: pure arithmetic, the case where parallelism should scale with cores. */
@State(Scope.Benchmark)
public class WorkloadBenchmark {

    @Param("JAVA_SCALAR")
    public String backend;

    @Param("serial")
    public String parallelism;

    /** Monte Carlo samples per call. */
    @Param("4194304")
    public long samples;

    /** Mandelbrot grid side (points per row and rows). */
    @Param("512")
    public int grid;

    private Parallelism workers;
    private Backend kernel;
    private Mandelbrot mandelbrot;

    @Setup
    public void start() {
        workers = Parallelism.parse(parallelism);
        kernel = Backend.valueOf(backend);
        mandelbrot = Mandelbrot.classic(grid, grid, 256);
    }

    @TearDown
    public void stop() {
        workers.close();
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
