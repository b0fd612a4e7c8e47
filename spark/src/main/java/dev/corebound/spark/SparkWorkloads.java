package dev.corebound.spark;

import dev.corebound.Backend;
import dev.corebound.workloads.Mandelbrot;
import dev.corebound.workloads.MonteCarloPi;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.Serializable;
import java.util.List;

/**
 * corebound's CPU-bound workloads on Spark's executors: the slices that
 * {@code Parallelism.threads(n)} or {@code processes(n)} would run on one
 * machine, each as part of a Spark task, their results combined on the driver
 * in slice order. The totals are the same, to the bit, as
 * {@code MonteCarloPi.run(parallelism, backend, ...)} and
 * {@code Mandelbrot.iterations(parallelism, backend)} on one machine.
 */
public final class SparkWorkloads {

    private SparkWorkloads() {
    }

    /** Monte Carlo pi over {@code samples} samples on {@code backend} (JAVA_SCALAR, JAVA_VECTOR or NATIVE). */
    public static MonteCarloPi.Result monteCarloPi(JavaSparkContext sc, Backend backend, long samples, long seed) {
        if (samples < 0) {
            throw new IllegalArgumentException("Monte Carlo pi: samples must not be negative, but is " + samples);
        }
        List<Long> hits = SliceJob.run(sc, KernelRoute.monteCarloSlices(samples),
                slice -> KernelRoute.monteCarloPi(backend, seed, slice.start(), slice.length()));
        return new MonteCarloPi.Result(samples, sum(hits));
    }

    /** Total Mandelbrot iterations over {@code grid} on {@code backend} (JAVA_SCALAR, JAVA_VECTOR or NATIVE). */
    public static long mandelbrot(JavaSparkContext sc, Backend backend, Mandelbrot grid) {
        Region region = new Region(grid);
        List<Long> iterations = SliceJob.run(sc, KernelRoute.mandelbrotSlices(grid.height()),
                slice -> KernelRoute.mandelbrot(backend, region.grid(), slice.start(), slice.end()));
        return sum(iterations);
    }

    /** Counts are exact in a long, so their sum does not depend on the order; it is taken in slice order all the same. */
    private static long sum(List<Long> counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** The grid's parameters, in a form Spark can ship to executors ({@link Mandelbrot} is not serializable). */
    private record Region(long width, long height, int maxIter, double xMin, double xMax, double yMin, double yMax)
            implements Serializable {

        Region(Mandelbrot m) {
            this(m.width(), m.height(), m.maxIter(), m.xMin(), m.xMax(), m.yMin(), m.yMax());
        }

        Mandelbrot grid() {
            return new Mandelbrot(width, height, maxIter, xMin, xMax, yMin, yMax);
        }
    }
}
