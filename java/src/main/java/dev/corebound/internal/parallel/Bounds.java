package dev.corebound.internal.parallel;

import java.lang.foreign.MemorySegment;

/**
 * The checks that make a {@link Task} safe to hand to a kernel: its sizes are
 * not negative and every element they name lies inside the segment named.
 * They cost a few comparisons per slice, so tasks always make them.
 */
final class Bounds {

    private Bounds() {
    }

    /** A vector of n doubles fits in {@code segment}. */
    static void vector(long n, MemorySegment segment, String name) {
        if (n < 0 || n > segment.byteSize() / Double.BYTES) {
            throw new IndexOutOfBoundsException(name + ": " + n + " doubles do not fit in " + segment.byteSize() + " bytes");
        }
    }

    /** Columns [j0, j1) lie within n columns and are not empty. */
    static void columns(long j0, long j1, long n) {
        if (j0 < 0 || j1 <= j0 || j1 > n) {
            throw new IndexOutOfBoundsException("columns [" + j0 + ", " + j1 + ") are not a range of " + n + " columns");
        }
    }

    /** A rows x cols row-major matrix with leading dimension ld fits in {@code segment}. */
    static void matrix(long rows, long cols, long ld, MemorySegment segment, String name) {
        if (rows < 0 || cols < 0 || ld < Math.max(1, cols)) {
            throw new IndexOutOfBoundsException(name + ": " + rows + " x " + cols + " with leading dimension " + ld
                    + " is not a matrix");
        }
        long span = rows == 0 || cols == 0 ? 0 : Math.addExact(Math.multiplyExact(rows - 1, ld), cols);
        vector(span, segment, name);
    }
}
