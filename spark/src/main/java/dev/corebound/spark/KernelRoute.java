package dev.corebound.spark;

import dev.corebound.Backend;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.parallel.Slices;
import dev.corebound.workloads.Mandelbrot;

import java.util.List;

/**
 * The one place where this module reaches past corebound's public API, through
 * corebound's internal route: one slice of a workload on an executor, and the
 * slices corebound's parallelisms cut work into, so that a job on a cluster
 * runs exactly the slices {@code threads(n)} runs on one machine. Everything
 * that touches memory goes through the public API ({@code Corebound.blas},
 * {@code DenseMatrix.wrap}) elsewhere.
 */
public final class KernelRoute {

    private KernelRoute() {
    }

    /** Hits among Monte Carlo samples {@code [first, first + count)}: one slice, on the backend's serial kernel. */
    public static long monteCarloPi(Backend backend, long seed, long first, long count) {
        return Kernels.of(backend).requireWorkloads().monteCarloPi(seed, first, count);
    }

    /** Iterations over rows {@code [rowBegin, rowEnd)} of a grid: one slice, on the backend's serial kernel. */
    public static long mandelbrot(Backend backend, Mandelbrot grid, long rowBegin, long rowEnd) {
        return Kernels.of(backend).requireWorkloads().mandelbrot(grid.width(), grid.height(), rowBegin, rowEnd,
                grid.maxIter(), grid.xMin(), grid.xMax(), grid.yMin(), grid.yMax());
    }

    /** Monte Carlo pi's slices of {@code samples} samples, as the parallelisms cut them. */
    public static List<Slice> monteCarloSlices(long samples) {
        return slices(samples, Slices.MONTE_CARLO_SAMPLES);
    }

    /** Mandelbrot's slices of rows, as the parallelisms cut them. */
    public static List<Slice> mandelbrotSlices(long height) {
        return slices(height, Slices.mandelbrotRows(height));
    }

    /** gemm's slices of the rows of C, as the parallelisms cut them. */
    public static List<Slice> gemmSlices(long m) {
        return slices(m, Slices.gemmRows(m));
    }

    /** corebound's slices as this module's serializable ones. */
    private static List<Slice> slices(long total, long size) {
        return Slices.of(total, size).stream().map(r -> new Slice(r.start(), r.length())).toList();
    }
}
