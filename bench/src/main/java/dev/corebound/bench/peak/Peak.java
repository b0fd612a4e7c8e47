package dev.corebound.bench.peak;

import dev.corebound.DenseVector;
import dev.corebound.internal.kernel.Measurement;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;

/**
 * This machine's limits, measured: double-precision FMA throughput (corebound's
 * native FMA kernel on the widest vectors, one thread per core at once) and
 * memory bandwidth (the STREAM triad on arrays far larger than the caches).
 * Reports say how close each result comes to them.
 *
 * @param cores          threads used for the all-core figures
 * @param gflopsOneCore  peak GFLOP/s of one core
 * @param gflopsAllCores peak GFLOP/s of all cores at once
 * @param triadGBs       memory bandwidth of all cores at once, GB/s
 */
public record Peak(int cores, double gflopsOneCore, double gflopsAllCores, double triadGBs) {

    /**
     * Measures, best of {@code repeats} runs of about {@code seconds} each;
     * the triad uses three arrays of {@code triadMiB} MiB.
     */
    public static Peak measure(int cores, int repeats, double seconds, int triadMiB) {
        double one = best(repeats, () -> fma(1, seconds));
        double all = best(repeats, () -> fma(cores, seconds));
        double triad = best(repeats, () -> triad(cores, triadMiB));
        return new Peak(cores, one, all, triad);
    }

    /** A quick measurement for reports: a few seconds in all. */
    public static Peak quick(int cores) {
        return measure(cores, 3, 0.15, 128);
    }

    private static double best(int repeats, DoubleSupplier run) {
        double best = 0;
        for (int r = 0; r < repeats; r++) {
            best = Math.max(best, run.getAsDouble());
        }
        return best;
    }

    /** GFLOP/s of {@code threads} threads each running the FMA kernel for about {@code seconds}. */
    private static double fma(int threads, double seconds) {
        long rounds = calibrate(seconds);
        return parallel(threads, t -> Measurement.peakFma(rounds)) / 1e9;
    }

    /** Rounds that take about {@code seconds} on one core. */
    private static long calibrate(double seconds) {
        Measurement.peakFma(1); // loads the library and links the call, outside the timing
        long rounds = 1 << 16;
        while (true) {
            long t0 = System.nanoTime();
            Measurement.peakFma(rounds);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (elapsed > 0.05) {
                return Math.max(1, (long) (rounds * seconds / elapsed));
            }
            rounds *= 4;
        }
    }

    /** GB/s of the triad over three arrays of {@code mib} MiB, split across {@code threads}. */
    private static double triad(int threads, int mib) {
        long n = (long) mib * (1 << 20) / Double.BYTES;
        try (Arena arena = Arena.ofShared()) {
            DenseVector a = DenseVector.allocate(arena, n);
            DenseVector b = DenseVector.allocate(arena, n).fill(1);
            DenseVector c = DenseVector.allocate(arena, n).fill(2);
            long chunk = (n + threads - 1) / threads;
            return parallel(threads, t -> {
                long from = Math.min(n, t * chunk);
                long len = Math.min(chunk, n - from);
                Measurement.triad(a.subvector(from, len), b.subvector(from, len), c.subvector(from, len), 3.0);
                return 24.0 * len;
            }) / 1e9;
        }
    }

    /** Runs {@code work} on {@code threads} threads released together; returns total work per second. */
    private static double parallel(int threads, IntToDoubleFunction work) {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        double[] done = new double[threads];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            running.add(Thread.ofPlatform().start(() -> {
                await(start);
                done[id] = work.applyAsDouble(id);
            }));
        }
        await(start);
        long t0 = System.nanoTime();
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring", e);
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double total = 0;
        for (double d : done) {
            total += d;
        }
        return total / elapsed;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the measuring threads together", e);
        }
    }
}
