package dev.corebound.internal.kernel;

/**
 * One backend's CPU-bound workloads: pure arithmetic on a range of a
 * problem, so that a parallelism can cut the problem into slices. The
 * problems are defined by {@link dev.corebound.workloads.MonteCarloPi} and
 * {@link dev.corebound.workloads.Mandelbrot}; every backend that has them
 * counts exactly the same.
 */
public interface Workloads {

    /** How many of the samples {@code [first, first + count)} fall inside the quarter circle. */
    long monteCarloPi(long seed, long first, long count);

    /** Sum of the iteration counts of rows {@code [rowBegin, rowEnd)} of the grid. */
    long mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                    double xMin, double xMax, double yMin, double yMax);
}
