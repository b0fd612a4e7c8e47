package dev.corebound.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;

import static dev.corebound.internal.kernel.VectorWidth.get;
import static dev.corebound.internal.kernel.VectorWidth.load;
import static dev.corebound.internal.kernel.VectorWidth.set;
import static dev.corebound.internal.kernel.VectorWidth.store;

/**
 * JAVA_VECTOR's level-1 operations, and the dot and axpy loops its gemv shares.
 *
 * <p>Loops run whole vectors, counted by an int over zero-based slices (see
 * {@link #CHUNK}), and finish the last few elements with scalar code, not
 * masked vectors: C2 often leaves a masked access in a cold tail as
 * a call, which boxes the vectors and costs more than the scalar loop.
 * Element-wise tails use {@link Math#fma} where the vector lanes fuse, so every
 * element gets the same arithmetic wherever it sits (the parallel layer cuts
 * vectors anywhere). Loops run the two halves of a chunk side by side
 * ({@link #half}). Reductions keep four independent vector accumulators, two
 * per half, so that additions overlap instead of waiting on each other, and
 * add them up in a fixed order ({@link #lanes}): a result depends on n alone. nrm2 sums plain
 * squares in one pass and only when that sum overflowed or is too small to
 * trust does it rescale by a power of two.
 *
 * <p>Each reduction spells out its own loop: passing the per-element step as a
 * lambda would keep C2 from compiling the vectors into registers.
 */
final class VectorLevel1 {

    private static final VectorSpecies<Double> S = VectorWidth.SPECIES;
    private static final int L = VectorWidth.LANES;
    /** A sum of squares at least this large cannot have lost anything that matters to underflow (see {@link #nrm2}). */
    private static final double TRUSTED_SUM_OF_SQUARES = 0x1p-600;
    /**
     * Elements per chunk. Every loop counts with an int from 0 over slices of
     * at most this many elements: C2 then hoists the bounds checks out of the
     * loop and unrolls it, where a loop over a long index measured 1.6 times
     * slower at n = 1000, with a check beside every load. Chunks, like
     * everything else here, depend on n alone, and so do the results.
     */
    static final long CHUNK = 1L << 28;

    private VectorLevel1() {
    }

    /** x . y; {@link VectorGemv} repeats this arithmetic exactly for pairs of rows. */
    static double dot(long n, MemorySegment x, MemorySegment y) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (long from = 0; from < n; from += CHUNK) {
            int len = chunk(n, from);
            MemorySegment xs = slice(x, from, len);
            MemorySegment ys = slice(y, from, len);
            int half = half(len);
            for (int i = 0; i < half; i += 2 * L) {
                int k = half + i;
                a0 = load(xs, i).fma(load(ys, i), a0);
                a1 = load(xs, i + L).fma(load(ys, i + L), a1);
                a2 = load(xs, k).fma(load(ys, k), a2);
                a3 = load(xs, k + L).fma(load(ys, k + L), a3);
            }
            for (int v = 2 * half / L; v < len / L; v++) {
                a0 = load(xs, v * L).fma(load(ys, v * L), a0);
            }
        }
        double s = lanes(a0, a1, a2, a3);
        for (long i = n - n % L; i < n; i++) {
            s = Math.fma(get(x, i), get(y, i), s);
        }
        return s;
    }

    /** y += t * x, one fused multiply-add per element; {@link VectorGemv} repeats it for four rows. */
    static void axpy(long n, double t, MemorySegment x, MemorySegment y) {
        DoubleVector vt = DoubleVector.broadcast(S, t);
        for (long from = 0; from < n; from += CHUNK) {
            int len = chunk(n, from);
            MemorySegment xs = slice(x, from, len);
            MemorySegment ys = slice(y, from, len);
            int half = half(len);
            for (int i = 0; i < half; i += L) {
                int k = half + i;
                store(load(xs, i).fma(vt, load(ys, i)), ys, i);
                store(load(xs, k).fma(vt, load(ys, k)), ys, k);
            }
            for (int v = 2 * half / L; v < len / L; v++) {
                store(load(xs, v * L).fma(vt, load(ys, v * L)), ys, v * L);
            }
        }
        for (long i = n - n % L; i < n; i++) {
            set(y, i, Math.fma(get(x, i), t, get(y, i)));
        }
    }

    /** Always a multiplication, so NaN * 0 stays NaN. */
    static void scal(long n, double alpha, MemorySegment x) {
        for (long from = 0; from < n; from += CHUNK) {
            int len = chunk(n, from);
            MemorySegment xs = slice(x, from, len);
            int half = half(len);
            for (int i = 0; i < half; i += L) {
                int k = half + i;
                store(load(xs, i).mul(alpha), xs, i);
                store(load(xs, k).mul(alpha), xs, k);
            }
            for (int v = 2 * half / L; v < len / L; v++) {
                store(load(xs, v * L).mul(alpha), xs, v * L);
            }
        }
        for (long i = n - n % L; i < n; i++) {
            set(x, i, alpha * get(x, i));
        }
    }

    static double asum(long n, MemorySegment x) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (long from = 0; from < n; from += CHUNK) {
            int len = chunk(n, from);
            MemorySegment xs = slice(x, from, len);
            int half = half(len);
            for (int i = 0; i < half; i += 2 * L) {
                int k = half + i;
                a0 = a0.add(load(xs, i).abs());
                a1 = a1.add(load(xs, i + L).abs());
                a2 = a2.add(load(xs, k).abs());
                a3 = a3.add(load(xs, k + L).abs());
            }
            for (int v = 2 * half / L; v < len / L; v++) {
                a0 = a0.add(load(xs, v * L).abs());
            }
        }
        double s = lanes(a0, a1, a2, a3);
        for (long i = n - n % L; i < n; i++) {
            s += Math.abs(get(x, i));
        }
        return s;
    }

    static double sum(long n, MemorySegment x) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (long from = 0; from < n; from += CHUNK) {
            int len = chunk(n, from);
            MemorySegment xs = slice(x, from, len);
            int half = half(len);
            for (int i = 0; i < half; i += 2 * L) {
                int k = half + i;
                a0 = a0.add(load(xs, i));
                a1 = a1.add(load(xs, i + L));
                a2 = a2.add(load(xs, k));
                a3 = a3.add(load(xs, k + L));
            }
            for (int v = 2 * half / L; v < len / L; v++) {
                a0 = a0.add(load(xs, v * L));
            }
        }
        double s = lanes(a0, a1, a2, a3);
        for (long i = n - n % L; i < n; i++) {
            s += get(x, i);
        }
        return s;
    }

    /**
     * One pass of plain squares, which is accurate whenever the sum is finite
     * and at least {@link #TRUSTED_SUM_OF_SQUARES}: no partial sum overflowed
     * (the terms are not negative), and each step taken below the normal range
     * rounded off at most 2^-1075, nothing next to the sum. Otherwise (overflow
     * to infinity, or a sum that tiny or zero) the elements are scaled by 2^-e,
     * e the exponent of the largest magnitude, an exact power of two that brings
     * it into [1, 2) (subnormals a little below), and the result is scaled back.
     * NaN anywhere makes the first sum NaN; an infinite element makes the
     * largest magnitude infinite.
     */
    static double nrm2(long n, MemorySegment x) {
        double s = sumOfSquares(n, x, 1.0);
        if (Double.isNaN(s) || (s >= TRUSTED_SUM_OF_SQUARES && s < Double.POSITIVE_INFINITY)) {
            return Math.sqrt(s);
        }
        double amax = maxAbs(n, x);
        if (amax == 0 || amax == Double.POSITIVE_INFINITY) {
            return amax;
        }
        int e = Math.getExponent(amax);
        return Math.scalb(Math.sqrt(sumOfSquares(n, x, Math.scalb(1.0, -e))), e);
    }

    /** The sum of (scale * x[i])^2. */
    private static double sumOfSquares(long n, MemorySegment x, double scale) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (long from = 0; from < n; from += CHUNK) {
            int len = chunk(n, from);
            MemorySegment xs = slice(x, from, len);
            int half = half(len);
            for (int i = 0; i < half; i += 2 * L) {
                int k = half + i;
                DoubleVector v0 = load(xs, i).mul(scale);
                DoubleVector v1 = load(xs, i + L).mul(scale);
                DoubleVector v2 = load(xs, k).mul(scale);
                DoubleVector v3 = load(xs, k + L).mul(scale);
                a0 = v0.fma(v0, a0);
                a1 = v1.fma(v1, a1);
                a2 = v2.fma(v2, a2);
                a3 = v3.fma(v3, a3);
            }
            for (int v = 2 * half / L; v < len / L; v++) {
                DoubleVector v0 = load(xs, v * L).mul(scale);
                a0 = v0.fma(v0, a0);
            }
        }
        double s = lanes(a0, a1, a2, a3);
        for (long i = n - n % L; i < n; i++) {
            double v = get(x, i) * scale;
            s = Math.fma(v, v, s);
        }
        return s;
    }

    /** max |x[i]|, or 0 for n == 0, with four running maxima so that comparisons overlap. */
    private static double maxAbs(long n, MemorySegment x) {
        DoubleVector m0 = DoubleVector.zero(S), m1 = m0, m2 = m0, m3 = m0;
        for (long from = 0; from < n; from += CHUNK) {
            int len = chunk(n, from);
            MemorySegment xs = slice(x, from, len);
            int half = half(len);
            for (int i = 0; i < half; i += 2 * L) {
                int k = half + i;
                m0 = max(m0, load(xs, i).abs());
                m1 = max(m1, load(xs, i + L).abs());
                m2 = max(m2, load(xs, k).abs());
                m3 = max(m3, load(xs, k + L).abs());
            }
            for (int v = 2 * half / L; v < len / L; v++) {
                m0 = max(m0, load(xs, v * L).abs());
            }
        }
        double m = max(max(m0, m1), max(m2, m3)).reduceLanes(VectorOperators.MAX);
        for (long i = n - n % L; i < n; i++) {
            m = Math.max(m, Math.abs(get(x, i)));
        }
        return m;
    }

    /**
     * Lane-wise maximum by compare and blend: DoubleVector.max, which must
     * follow Math.max for NaN and -0.0, measured twice as slow here.
     */
    private static DoubleVector max(DoubleVector a, DoubleVector b) {
        return a.blend(b, b.compare(VectorOperators.GT, a));
    }

    /** Two passes: the largest magnitude, then the first index that has it. */
    static long iamax(long n, MemorySegment x) {
        double largest = maxAbs(n, x);
        DoubleVector target = DoubleVector.broadcast(S, largest);
        for (long from = 0; from < n; from += CHUNK) {
            int len = chunk(n, from);
            MemorySegment xs = slice(x, from, len);
            for (int v = 0; v < len / L; v++) {
                VectorMask<Double> hit = load(xs, v * L).abs().compare(VectorOperators.EQ, target);
                if (hit.anyTrue()) {
                    return from + v * L + hit.firstTrue();
                }
            }
        }
        for (long i = n - n % L; i < n; i++) {
            if (Math.abs(get(x, i)) == largest) {
                return i;
            }
        }
        return 0; // only when NaN hid the maximum, which BLAS leaves undefined
    }

    /**
     * Elements of each half of a chunk of {@code len} that the main loops run
     * side by side: a multiple of 2 * LANES, the two halves together all but
     * the last few vectors. Reading two places of each operand at once keeps
     * more cache misses in flight than one: dot at n = 10^7 measured 33 GB/s
     * against 29 in one stream, with no prefetch instruction to ask for them.
     */
    static int half(int len) {
        return len / (4 * L) * (2 * L);
    }

    /** The elements of the chunk of n from {@code from}. */
    static int chunk(long n, long from) {
        return (int) Math.min(CHUNK, n - from);
    }

    /**
     * {@code len} doubles of {@code s} from element {@code from}: the segment
     * itself for the first chunk, since the loops need only a zero-based index
     * (a slice cost dot of 16 elements a third more).
     */
    static MemorySegment slice(MemorySegment s, long from, long len) {
        return from == 0 ? s : s.asSlice(from * Double.BYTES, len * Double.BYTES);
    }

    /**
     * The lanes of (a0 + a1) + (a2 + a3), added pairwise in a fixed tree: the
     * same bits for the same input, and three additions deep rather than seven,
     * which is what a dot of a few elements waits for.
     */
    static double lanes(DoubleVector a0, DoubleVector a1, DoubleVector a2, DoubleVector a3) {
        // Lane by lane with constant indices, which C2 turns into register moves: toArray() allocates an array
        // on every call, and lane(i) with a loop index measured up to 500 times slower once C2 recompiled it.
        DoubleVector v = a0.add(a1).add(a2.add(a3));
        double s = v.lane(0) + v.lane(1);
        if (L > 2) {
            s = s + (v.lane(2) + v.lane(3));
        }
        if (L > 4) {
            s = s + ((v.lane(4) + v.lane(5)) + (v.lane(6) + v.lane(7)));
        }
        for (int i = 8; i < L; i++) { // species wider than AVX-512's (SVE)
            s += v.lane(i);
        }
        return s;
    }
}
