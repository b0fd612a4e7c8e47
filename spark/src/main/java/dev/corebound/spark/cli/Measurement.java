package dev.corebound.spark.cli;

import java.util.List;

/**
 * One contender's times in a comparison.
 *
 * @param op             what ran: blockMultiply, gemm, monteCarloPi or mandelbrot
 * @param implementation who did the arithmetic, e.g. "corebound NATIVE" or "MLlib"
 * @param runsOn         where: "spark local[2]" or "one machine, threads(2)"
 * @param workers        task slots or threads
 * @param size           matrix side, samples or grid side
 * @param block          block side of a block multiply, 0 otherwise
 * @param seconds        the time of every measured run, in order
 * @param flops          floating-point operations per run, 0 where flops are not the measure
 */
record Measurement(String op, String implementation, String runsOn, int workers, long size, int block,
                   List<Double> seconds, double flops) {

    double median() {
        List<Double> sorted = seconds.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    double min() {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** GFLOP/s at the median time, NaN where flops are not the measure. */
    double gflops() {
        return flops > 0 ? flops / median() / 1e9 : Double.NaN;
    }
}
