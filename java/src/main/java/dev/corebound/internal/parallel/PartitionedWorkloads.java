package dev.corebound.internal.parallel;

import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.kernel.Workloads;
import dev.corebound.internal.parallel.Slices.Range;

import java.util.ArrayList;
import java.util.List;

/**
 * The workloads cut into {@link Slices} (ranges of samples, blocks of rows)
 * and run as {@link Task}s on a parallelism's workers. The counts are
 * integers, so they add up to the same total in any order.
 */
final class PartitionedWorkloads implements Workloads {

    private final BackendKernels serial;
    private final Workers workers;

    PartitionedWorkloads(BackendKernels serial, Workers workers) {
        this.serial = serial;
        this.workers = workers;
    }

    @Override
    public long monteCarloPi(long seed, long first, long count) {
        List<Task> tasks = new ArrayList<>();
        for (Range r : Slices.of(count, Slices.MONTE_CARLO_SAMPLES)) {
            tasks.add(new Task.MonteCarloPi(seed, first + r.start(), r.length()));
        }
        return total(workers.run(serial, tasks));
    }

    @Override
    public long mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                           double xMin, double xMax, double yMin, double yMax) {
        List<Task> tasks = new ArrayList<>();
        for (Range r : Slices.of(rowEnd - rowBegin, Slices.mandelbrotRows(height))) {
            tasks.add(new Task.Mandelbrot(width, height, rowBegin + r.start(), rowBegin + r.end(), maxIter,
                    xMin, xMax, yMin, yMax));
        }
        return total(workers.run(serial, tasks));
    }

    /** Counts come back as doubles, exact below 2^53. */
    private static long total(double[] counts) {
        long sum = 0;
        for (double c : counts) {
            sum += (long) c;
        }
        return sum;
    }
}
