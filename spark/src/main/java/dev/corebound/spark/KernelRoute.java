package dev.corebound.spark;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.workloads.Mandelbrot;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where this module reaches past corebound's public API: one
 * slice of a workload on an executor, and the slice sizes corebound's
 * parallelisms cut work into. Everything that touches memory goes through the
 * public API ({@code Corebound.blas}, {@code DenseMatrix.wrap}) elsewhere.
 *
 * <p>When corebound's internals move (kernels and slicing behind
 * {@code dev.corebound.internal}), only this class changes. The slice sizes are
 * package-private in {@code dev.corebound.parallel.Slices}, so they are mirrored
 * here, each with the constant it mirrors: the results are bit for bit those of
 * one machine only as long as these agree with corebound's.
 */
public final class KernelRoute {

    /** Mirrors {@code Slices.MONTE_CARLO_SAMPLES}: samples per Monte Carlo pi slice. */
    static final long MONTE_CARLO_SAMPLES = 1 << 20;
    /** Mirrors {@code Slices.MANDELBROT_SLICES}: slices per Mandelbrot grid. */
    static final long MANDELBROT_SLICES = 64;
    /** Mirrors {@code Slices.GEMM_ROWS}: rows of C per gemm slice. */
    static final long GEMM_ROWS = 256;

    private KernelRoute() {
    }

    /** Hits among Monte Carlo samples {@code [first, first + count)}: one slice, through {@code Kernel.monteCarloPi}. */
    public static long monteCarloPi(Backend backend, long seed, long first, long count) {
        return Corebound.kernel(backend).monteCarloPi(seed, first, count);
    }

    /** Iterations over rows {@code [rowBegin, rowEnd)} of a grid: one slice, through {@code Kernel.mandelbrot}. */
    public static long mandelbrot(Backend backend, Mandelbrot grid, long rowBegin, long rowEnd) {
        return Corebound.kernel(backend).mandelbrot(grid.width(), grid.height(), rowBegin, rowEnd, grid.maxIter(),
                grid.xMin(), grid.xMax(), grid.yMin(), grid.yMax());
    }

    /** Monte Carlo pi's slices of {@code samples} samples, as {@code PartitionedKernel.monteCarloPi} cuts them. */
    public static List<Slice> monteCarloSlices(long samples) {
        return cut(samples, MONTE_CARLO_SAMPLES);
    }

    /** Mandelbrot's slices of rows, as {@code PartitionedKernel.mandelbrot} cuts them (mirrors {@code Slices.mandelbrotRows}). */
    public static List<Slice> mandelbrotSlices(long height) {
        return cut(height, Math.max(1, (height + MANDELBROT_SLICES - 1) / MANDELBROT_SLICES));
    }

    /**
     * gemm's slices of the rows of C, as {@code PartitionedKernel.gemm} cuts them (mirrors
     * {@code Slices.gemmRows}: 256 rows, or two halves of at least 16 rows, rounded up to 8, for m <= 512).
     */
    public static List<Slice> gemmSlices(long m) {
        long rows = m <= 2 * GEMM_ROWS ? Math.max(16, (((m + 1) / 2) + 7) / 8 * 8) : GEMM_ROWS;
        return cut(m, rows);
    }

    /** Mirrors {@code Slices.of}: [0, total) in slices of {@code size}, the last shorter; one empty slice when total is 0. */
    private static List<Slice> cut(long total, long size) {
        List<Slice> slices = new ArrayList<>();
        for (long start = 0; start < total; start += size) {
            slices.add(new Slice(start, Math.min(size, total - start)));
        }
        if (slices.isEmpty()) {
            slices.add(new Slice(0, 0));
        }
        return slices;
    }
}
