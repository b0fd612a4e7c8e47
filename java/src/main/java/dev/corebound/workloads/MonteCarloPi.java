package dev.corebound.workloads;

import dev.corebound.Backend;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.parallel.Parallelism;

/**
 * Monte Carlo estimate of pi: the share of random points of the unit square
 * that fall inside the quarter circle, times 4. Pure arithmetic with no memory
 * traffic: the CPU-bound workload of the notes this project grew from.
 *
 * <p>Sample i takes its coordinates from a counter-based generator:
 * {@code mix64(seed + (j + 1) * 0x9E3779B97F4A7C15)} at j = 2i and 2i + 1
 * (SplitMix64's finaliser), each turned into a double in [0, 1) from its top 53
 * bits; it hits when x^2 + y^2 <= 1. A sample depends on (seed, i) alone, so
 * any split into slices, on any number of workers, in Java or in C, counts the
 * same hits.
 */
public final class MonteCarloPi {

    private MonteCarloPi() {
    }

    /** The outcome of a run. */
    public record Result(long samples, long hits) {
        public double pi() {
            return samples == 0 ? Double.NaN : 4.0 * hits / samples;
        }
    }

    /**
     * Draws {@code samples} samples on {@code backend} (JAVA_SCALAR, JAVA_VECTOR
     * or NATIVE) under {@code parallelism}.
     */
    public static Result run(Parallelism parallelism, Backend backend, long samples, long seed) {
        if (samples < 0) {
            throw new IllegalArgumentException("Monte Carlo pi: samples must not be negative, but is " + samples);
        }
        return new Result(samples,
                ParallelAccess.kernels(backend, parallelism).requireWorkloads().monteCarloPi(seed, 0, samples));
    }
}
