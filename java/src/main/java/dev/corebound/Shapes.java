package dev.corebound;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

/** Shape arithmetic and memory checks shared by {@link DenseVector} and {@link DenseMatrix}. */
final class Shapes {

    /** How many values toString shows at each end. */
    private static final int PREVIEW = 3;

    private Shapes() {
    }

    static void requireNonNegative(String what, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, but is " + value);
        }
    }

    /** Doubles a rows x cols matrix with leading dimension ld occupies, from (0,0) to its last element. */
    static long matrixSpan(long rows, long cols, long ld) {
        requireNonNegative("rows", rows);
        requireNonNegative("cols", cols);
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("ld must be at least max(1, cols) = " + Math.max(1, cols) + ", but is " + ld);
        }
        if (rows == 0 || cols == 0) {
            return 0;
        }
        try {
            return Math.addExact(Math.multiplyExact(rows - 1, ld), cols);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix with ld " + ld
                    + " has more elements than a long can count", e);
        }
    }

    static MemorySegment allocate(Arena arena, long doubles) {
        try {
            if (doubles > Long.MAX_VALUE / Double.BYTES) {
                throw new IllegalArgumentException("cannot allocate " + doubles + " doubles: more bytes than a long can count");
            }
            return arena.allocate(doubles * Double.BYTES, DenseVector.ALIGNMENT);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot allocate: the arena's memory was closed", e);
        }
    }

    static void requireDoubleSegment(MemorySegment segment) {
        if (segment.byteSize() % Double.BYTES != 0) {
            throw new IllegalArgumentException("the segment's size (" + segment.byteSize()
                    + " bytes) is not a whole number of doubles");
        }
        boolean alignedBase = segment.heapBase().map(b -> b instanceof double[] || b instanceof long[]).orElse(true);
        if (!alignedBase || segment.address() % Double.BYTES != 0) {
            throw new IllegalArgumentException("the segment is not 8-byte aligned; use a double[] or an Arena");
        }
    }

    /** Fails with a message that says the memory was closed, rather than the JDK's bare "Already closed". */
    static void requireAlive(MemorySegment segment, String what) {
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException("the memory of this " + what + " was closed (its Arena is closed)");
        }
    }

    static void fillRandom(MemorySegment segment, SplittableRandom random) {
        long n = segment.byteSize() / Double.BYTES;
        for (long i = 0; i < n; i++) {
            segment.setAtIndex(ValueLayout.JAVA_DOUBLE, i, random.nextDouble(-1.0, 1.0));
        }
    }

    /** "{a, b, c, ..., y, z}": elements [from, from + count) of a segment, abbreviated in the middle. */
    static String preview(MemorySegment segment, long from, long count) {
        if (!segment.scope().isAlive()) {
            return "{memory closed}";
        }
        StringBuilder sb = new StringBuilder("{");
        for (long i = 0; i < count; i++) {
            if (count > 2 * PREVIEW && i == PREVIEW) {
                sb.append("..., ");
                i = count - PREVIEW;
            }
            sb.append(segment.getAtIndex(ValueLayout.JAVA_DOUBLE, from + i));
            sb.append(i + 1 < count ? ", " : "");
        }
        return sb.append('}').toString();
    }
}
