package dev.corebound;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Whether two strided operands share an element. An operand is {@code rows}
 * runs of {@code cols} doubles, {@code ld} doubles apart (a vector is one run).
 * Comparing whole spans would reject legitimate pairs, such as the left and
 * the right half of one matrix, so rows are compared exactly.
 */
final class Overlap {

    private Overlap() {
    }

    /** An operand as rows of contiguous doubles, ld apart. */
    record Strided(MemorySegment segment, long rows, long cols, long ld) {
        static Strided of(DenseVector v) {
            return new Strided(v.segment(), 1, v.length(), Math.max(1, v.length()));
        }

        static Strided of(DenseMatrix m) {
            return new Strided(m.segment(), m.rows(), m.cols(), m.ld());
        }
    }

    static boolean shareElements(Strided a, Strided b) {
        return shareElements(a.segment, a.rows, a.cols, a.ld, b.segment, b.rows, b.cols, b.ld);
    }

    private static boolean shareElements(MemorySegment s1, long rows1, long cols1, long ld1,
                                         MemorySegment s2, long rows2, long cols2, long ld2) {
        if (rows1 == 0 || cols1 == 0 || rows2 == 0 || cols2 == 0 || !sameMemory(s1, s2)) {
            return false;
        }
        if (s1.asOverlappingSlice(s2).isEmpty()) {
            return false;
        }
        if ((s2.address() - s1.address()) % Double.BYTES != 0) {
            return true; // misaligned against each other: some bytes overlap, be conservative
        }
        long o1 = s1.address() / Double.BYTES;
        long o2 = s2.address() / Double.BYTES;
        if (rows1 == 1) {
            return runHitsRows(o1, o1 + cols1, o2, rows2, cols2, ld2);
        }
        if (rows2 == 1) {
            return runHitsRows(o2, o2 + cols2, o1, rows1, cols1, ld1);
        }
        if (ld1 != ld2) {
            return true; // different strides over the same span: rare, reject conservatively
        }
        return sameStrideShare(o2 - o1, rows1, cols1, rows2, cols2, ld1);
    }

    private static boolean sameMemory(MemorySegment s1, MemorySegment s2) {
        Optional<Object> h1 = s1.heapBase();
        Optional<Object> h2 = s2.heapBase();
        return h1.isPresent() == h2.isPresent() && (h1.isEmpty() || h1.get() == h2.get());
    }

    /** Does [from, to) intersect one of the rows [o + i*ld, o + i*ld + cols), 0 <= i < rows? */
    private static boolean runHitsRows(long from, long to, long o, long rows, long cols, long ld) {
        long first = Math.max(0, Math.floorDiv(from - o - cols, ld) + 1);
        long last = Math.min(rows - 1, Math.floorDiv(to - o - 1, ld));
        return first <= last;
    }

    /**
     * Both operands have stride ld and the second starts d elements after the
     * first: row i2 of the second lies over row q + i2 of the first from column
     * r (d = q * ld + r), and spills into row q + i2 + 1 when r + cols2 > ld.
     */
    private static boolean sameStrideShare(long d, long rows1, long cols1, long rows2, long cols2, long ld) {
        long q = Math.floorDiv(d, ld);
        long r = Math.floorMod(d, ld);
        boolean sameRow = r < cols1 && rowsMeet(q, rows1, rows2);
        boolean nextRow = r + cols2 > ld && rowsMeet(q + 1, rows1, rows2);
        return sameRow || nextRow;
    }

    /** Is there an i2 in [0, rows2) with shift + i2 in [0, rows1)? */
    private static boolean rowsMeet(long shift, long rows1, long rows2) {
        return Math.max(0, -shift) < Math.min(rows2, rows1 - shift);
    }
}
