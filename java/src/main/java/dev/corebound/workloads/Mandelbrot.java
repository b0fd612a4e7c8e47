package dev.corebound.workloads;

import dev.corebound.Backend;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.parallel.Parallelism;

/**
 * Mandelbrot iteration counts over a grid: pure arithmetic per point, and a
 * CPU-bound workload whose rows cost very different amounts (points inside the
 * set run to the limit), which shows how evenly a parallelism spreads work.
 *
 * <p>Point (row, col) is c = (xMin + col * dx, yMin + row * dy) with
 * dx = (xMax - xMin) / width and dy = (yMax - yMin) / height; it iterates
 * z = z^2 + c from 0 while |z|^2 <= 4, at most maxIter times. The Java loop and
 * the C one do the same IEEE operations in the same order (the C is compiled
 * without fused multiply-add), so they count exactly the same.
 *
 * @param width   points per row
 * @param height  rows
 * @param maxIter iterations at most per point
 * @param xMin    left edge of the region
 * @param xMax    right edge (exclusive)
 * @param yMin    bottom edge
 * @param yMax    top edge (exclusive)
 */
public record Mandelbrot(long width, long height, int maxIter, double xMin, double xMax, double yMin, double yMax) {

    public Mandelbrot {
        if (width < 0 || height < 0 || maxIter < 0) {
            throw new IllegalArgumentException("Mandelbrot: width, height and maxIter must not be negative, but are "
                    + width + ", " + height + " and " + maxIter);
        }
    }

    /** The classic view of the whole set, [-2, 1) x [-1.5, 1.5). */
    public static Mandelbrot classic(long width, long height, int maxIter) {
        return new Mandelbrot(width, height, maxIter, -2.0, 1.0, -1.5, 1.5);
    }

    /** Total iterations over the grid on {@code backend} (JAVA_SCALAR, JAVA_VECTOR or NATIVE) under {@code parallelism}. */
    public long iterations(Parallelism parallelism, Backend backend) {
        return ParallelAccess.kernels(backend, parallelism).requireWorkloads()
                .mandelbrot(width, height, 0, height, maxIter, xMin, xMax, yMin, yMax);
    }
}
