package dev.corebound.internal.kernel;

/** {@link dev.corebound.Backend#NATIVE}'s workloads: corebound's C loops, on OpenMP threads when asked. */
final class NativeWorkloads implements Workloads {

    private final NativeThreadCount threads;

    NativeWorkloads(int threads) {
        this.threads = new NativeThreadCount(threads);
    }

    @Override
    public long monteCarloPi(long seed, long first, long count) {
        threads.use();
        try {
            return corebound_h.cb_monte_carlo_pi(seed, first, count);
        } finally {
            threads.reset();
        }
    }

    @Override
    public long mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                           double xMin, double xMax, double yMin, double yMax) {
        threads.use();
        try {
            return corebound_h.cb_mandelbrot(width, height, rowBegin, rowEnd, maxIter, xMin, xMax, yMin, yMax);
        } finally {
            threads.reset();
        }
    }
}
