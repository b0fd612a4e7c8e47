package dev.corebound.internal.kernel;

import dev.corebound.DenseVector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The native kernels the benchmarks' peak rates come from: the FMA peak of
 * one core and the STREAM triad. Bounds are checked here, so these need no
 * caller check.
 */
public final class Measurement {

    private Measurement() {
    }

    /**
     * Runs {@code rounds} rounds of independent vector FMAs on the calling
     * thread (the widest vectors of the kernel set in use) and returns how many
     * floating-point operations that was.
     */
    public static long peakFma(long rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must not be negative, but is " + rounds);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sink = arena.allocate(Double.BYTES);
            return corebound_h.cb_peak_fma(rounds, sink);
        }
    }

    /** a = b + s * c, element by element: the STREAM triad, 24 bytes of memory traffic per element. */
    public static void triad(DenseVector a, DenseVector b, DenseVector c, double s) {
        if (b.length() != a.length() || c.length() != a.length()) {
            throw new IllegalArgumentException("triad: a, b and c must have the same length, but have "
                    + a.length() + ", " + b.length() + " and " + c.length());
        }
        corebound_h.cb_triad(a.length(), a.segment(), b.segment(), c.segment(), s);
    }
}
