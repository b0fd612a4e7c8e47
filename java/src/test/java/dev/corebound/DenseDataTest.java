package dev.corebound;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenseDataTest {

    @Test
    void allocatedMemoryIsZeroedAndAligned() {
        try (Arena arena = Arena.ofConfined()) {
            DenseVector v = DenseVector.allocate(arena, 13);
            assertEquals(0, v.segment().address() % 64);
            assertArrayEquals(new double[13], v.toArray());
            DenseMatrix m = DenseMatrix.allocate(arena, 3, 5, 8);
            assertEquals(0, m.segment().address() % 64);
            assertEquals((2 * 8 + 5) * 8, m.segment().byteSize(), "the segment ends after the last element");
        }
    }

    @Test
    void shapesAreCheckedAtConstruction() {
        try (Arena arena = Arena.ofConfined()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenseVector.allocate(arena, -1));
            assertTrue(e.getMessage().contains("length must not be negative"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> DenseMatrix.allocate(arena, 2, -3));
            assertTrue(e.getMessage().contains("cols"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> DenseMatrix.allocate(arena, 2, 5, 4));
            assertTrue(e.getMessage().contains("ld must be at least"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> DenseMatrix.allocate(arena, 1L << 40, 1L << 40));
            assertTrue(e.getMessage().contains("a 1099511627776 x 1099511627776 matrix"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> DenseMatrix.allocate(arena, 1L << 31, 1L << 31));
            assertTrue(e.getMessage().contains("4611686018427387904 doubles"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> DenseMatrix.wrap(new double[5], 2, 3));
            assertTrue(e.getMessage().contains("needs 6 doubles"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> DenseVector.wrap(MemorySegment.ofArray(new byte[12])));
            assertTrue(e.getMessage().contains("whole number of doubles"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> DenseVector.wrap(MemorySegment.ofArray(new byte[16])));
            assertTrue(e.getMessage().contains("8-byte aligned"), e.getMessage());
        }
    }

    @Test
    void viewsShareMemoryWithTheirParent() {
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix m = DenseMatrix.allocate(arena, 4, 5);
            m.block(1, 2, 2, 3).set(1, 2, 7.0);
            assertEquals(7.0, m.get(2, 4));
            m.rowRange(3, 4).row(0).set(0, 3.0);
            assertEquals(3.0, m.get(3, 0));
            DenseVector v = DenseVector.of(arena, 1, 2, 3, 4, 5);
            v.subvector(1, 3).fill(9);
            assertArrayEquals(new double[]{1, 9, 9, 9, 5}, v.toArray());
        }
    }

    @Test
    void heapArraysAreWrappedWithoutCopy() {
        double[] data = {1, 2, 3, 4, 5, 6};
        DenseMatrix m = DenseMatrix.wrap(data, 2, 3);
        m.set(1, 1, 50);
        assertEquals(50, data[4]);
        assertArrayEquals(new double[]{4, 50, 6}, m.row(1).toArray());
        DenseVector.wrap(data).set(0, -1);
        assertEquals(-1, m.get(0, 0));
    }

    @Test
    void copyInAndOutDropsPadding() {
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix m = DenseMatrix.allocate(arena, 2, 3, 7).copyFrom(new double[]{1, 2, 3, 4, 5, 6});
            assertEquals(4, m.get(1, 0));
            assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, m.toArray());
            assertThrows(IllegalArgumentException.class, () -> m.copyFrom(new double[5]));
        }
    }

    @Test
    void randomFillIsReproducibleAndInRange() {
        try (Arena arena = Arena.ofConfined()) {
            double[] a = DenseVector.allocate(arena, 1000).fillRandom(42).toArray();
            double[] b = DenseVector.allocate(arena, 1000).fillRandom(42).toArray();
            double[] c = DenseVector.allocate(arena, 1000).fillRandom(43).toArray();
            assertArrayEquals(a, b);
            assertNotEquals(a[0], c[0]);
            for (double v : a) {
                assertTrue(v >= -1 && v < 1, "out of [-1, 1): " + v);
            }
            // A padded matrix gets the same values as a contiguous one from the same seed.
            double[] padded = DenseMatrix.allocate(arena, 10, 100, 104).fillRandom(42).toArray();
            assertArrayEquals(a, padded);
        }
    }

    @Test
    void closedMemoryIsReportedAsClosed() {
        Arena arena = Arena.ofConfined();
        DenseVector v = DenseVector.allocate(arena, 4);
        DenseMatrix m = DenseMatrix.allocate(arena, 2, 2);
        arena.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> v.get(0));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        e = assertThrows(IllegalStateException.class, m::toArray);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> DenseVector.allocate(arena, 4));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertTrue(v.toString().contains("memory closed"), v.toString());
    }

    @Test
    void toStringShowsShapeAndAFewValues() {
        try (Arena arena = Arena.ofConfined()) {
            assertEquals("DenseVector[3]{1.0, 2.0, 3.0}", DenseVector.of(arena, 1, 2, 3).toString());
            assertEquals("DenseVector[8]{0.0, 1.0, 2.0, ..., 5.0, 6.0, 7.0}",
                    DenseVector.of(arena, 0, 1, 2, 3, 4, 5, 6, 7).toString());
            String m = DenseMatrix.allocate(arena, 2, 3, 4).toString();
            assertTrue(m.startsWith("DenseMatrix[2x3, ld=4]{0.0, 0.0, 0.0}"), m);
        }
    }

    @Test
    void indicesAreChecked() {
        try (Arena arena = Arena.ofConfined()) {
            DenseMatrix m = DenseMatrix.allocate(arena, 2, 3);
            assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> m.block(1, 1, 2, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> DenseVector.allocate(arena, 3).subvector(2, 2));
        }
    }
}
