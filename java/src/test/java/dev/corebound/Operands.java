package dev.corebound;

import java.lang.foreign.Arena;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Builds test operands in the layouts a user can hand to {@link Blas}: off-heap
 * or heap, whole or a view with an offset and a leading dimension larger than
 * the width, filled from a seed so that a failing case can be replayed.
 */
final class Operands {

    /** Where an operand's memory comes from and how it sits in it. */
    record Layout(boolean heap, int offset, int ldPad) {
        static final Layout PLAIN = new Layout(false, 0, 0);

        @Override
        public String toString() {
            return (heap ? "heap" : "off-heap") + (offset > 0 ? ", offset " + offset : "")
                    + (ldPad > 0 ? ", ld +" + ldPad : "");
        }
    }

    /** A matrix view and the parent it lives in, so a test can check that nothing outside the view changed. */
    record Placed(DenseMatrix view, DenseMatrix parent, double[] before, int offset) {
        void assertOutsideUnchanged(String what) {
            double[] now = parent.toArray();
            for (int i = 0; i < parent.rows(); i++) {
                for (int j = 0; j < parent.cols(); j++) {
                    boolean inside = i >= offset && i < offset + view.rows() && j >= offset && j < offset + view.cols();
                    int at = Math.toIntExact(i * parent.cols() + j);
                    if (!inside) {
                        assertEquals(before[at], now[at], 0.0, what + ": element (" + i + ", " + j + ") outside the view changed");
                    }
                }
            }
        }
    }

    private final Arena arena;

    Operands(Arena arena) {
        this.arena = arena;
    }

    DenseVector vector(long n, Layout layout, long seed) {
        return placed(1, n, layout, seed).view().row(0);
    }

    DenseMatrix matrix(long rows, long cols, Layout layout, long seed) {
        return placed(rows, cols, layout, seed).view();
    }

    /**
     * A rows x cols view at (offset, offset) of a larger parent whose leading
     * dimension is padded; the parent outside the view holds other random values.
     */
    Placed placed(long rows, long cols, Layout layout, long seed) {
        int off = layout.offset();
        long parentRows = rows + off;
        long parentCols = cols + off;
        long ld = Math.max(1, parentCols + layout.ldPad());
        DenseMatrix parent = layout.heap()
                ? DenseMatrix.wrap(new double[Math.toIntExact(Math.max(1, parentRows * ld))], parentRows, parentCols, ld)
                : DenseMatrix.allocate(arena, parentRows, parentCols, ld);
        parent.fillRandom(~seed);
        DenseMatrix view = parent.block(off, off, rows, cols).fillRandom(seed);
        return new Placed(view, parent, parent.toArray(), off);
    }
}
