package dev.corebound.internal.kernel;

/**
 * The workloads in plain Java, for both Java backends (the Vector API would
 * not help: Monte Carlo pi's generator and Mandelbrot's escape loop are
 * scalar dependency chains).
 */
final class JavaWorkloads implements Workloads {

    @Override
    public long monteCarloPi(long seed, long first, long count) {
        long hits = 0;
        for (long i = first; i < first + count; i++) {
            double x = unitDraw(seed, 2 * i);
            double y = unitDraw(seed, 2 * i + 1);
            if (x * x + y * y <= 1.0) {
                hits++;
            }
        }
        return hits;
    }

    /** Draw j of SplitMix64's finaliser as a double in [0, 1) with 53 random bits. */
    private static double unitDraw(long seed, long j) {
        long z = seed + (j + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The same IEEE operations as the C loop, so the counts are exactly the same. */
    @Override
    public long mandelbrot(long width, long height, long rowBegin, long rowEnd, int maxIter,
                           double xMin, double xMax, double yMin, double yMax) {
        double dx = (xMax - xMin) / width;
        double dy = (yMax - yMin) / height;
        long total = 0;
        for (long row = rowBegin; row < rowEnd; row++) {
            double ci = yMin + row * dy;
            for (long col = 0; col < width; col++) {
                double cr = xMin + col * dx;
                double zr = 0;
                double zi = 0;
                int it = 0;
                while (it < maxIter) {
                    double zr2 = zr * zr;
                    double zi2 = zi * zi;
                    if (zr2 + zi2 > 4.0) {
                        break;
                    }
                    zi = 2.0 * zr * zi + ci;
                    zr = zr2 - zi2 + cr;
                    it++;
                }
                total += it;
            }
        }
        return total;
    }
}
