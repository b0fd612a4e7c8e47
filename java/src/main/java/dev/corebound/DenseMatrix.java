package dev.corebound;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A dense row-major matrix of doubles on a {@link MemorySegment}, with a
 * leading dimension: element (i, j) is at index {@code i * ld() + j}. A row
 * range or a sub-block is a view that shares memory with its parent, so it is
 * passed to every backend without a copy.
 *
 * <p>The segment starts at element (0, 0) and ends after element
 * (rows - 1, cols - 1); it is empty when the matrix is. Using the matrix after
 * its arena closed gives an {@link IllegalStateException} that says so.
 */
public final class DenseMatrix {

    private final MemorySegment segment;
    private final long rows;
    private final long cols;
    private final long ld;

    private DenseMatrix(MemorySegment segment, long rows, long cols, long ld) {
        this.segment = segment;
        this.rows = rows;
        this.cols = cols;
        this.ld = ld;
    }

    /** A zero-filled {@code rows x cols} matrix with {@code ld == cols}, 64-byte aligned. */
    public static DenseMatrix allocate(Arena arena, long rows, long cols) {
        return allocate(arena, rows, cols, Math.max(1, cols));
    }

    /**
     * A zero-filled {@code rows x cols} matrix whose rows are {@code ld} elements
     * apart ({@code ld >= cols}), 64-byte aligned, owned by {@code arena}.
     */
    public static DenseMatrix allocate(Arena arena, long rows, long cols, long ld) {
        Objects.requireNonNull(arena, "arena");
        long span = Shapes.matrixSpan(rows, cols, ld);
        return new DenseMatrix(Shapes.allocate(arena, span), rows, cols, ld);
    }

    /** A row-major matrix over a heap array of exactly {@code rows * cols} elements: no copy. */
    public static DenseMatrix wrap(double[] data, long rows, long cols) {
        return wrap(data, rows, cols, Math.max(1, cols));
    }

    /** A row-major matrix over a heap array, rows {@code ld} elements apart: no copy. */
    public static DenseMatrix wrap(double[] data, long rows, long cols, long ld) {
        Objects.requireNonNull(data, "data");
        return wrap(MemorySegment.ofArray(data), rows, cols, ld);
    }

    /**
     * A row-major matrix over an existing segment that starts at element (0, 0)
     * and holds at least {@code (rows - 1) * ld + cols} doubles.
     */
    public static DenseMatrix wrap(MemorySegment segment, long rows, long cols, long ld) {
        Shapes.requireDoubleSegment(segment);
        long span = Shapes.matrixSpan(rows, cols, ld);
        if (span * Double.BYTES > segment.byteSize()) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix with ld " + ld + " needs "
                    + span + " doubles but the memory holds " + segment.byteSize() / Double.BYTES);
        }
        return new DenseMatrix(segment.asSlice(0, span * Double.BYTES), rows, cols, ld);
    }

    public long rows() {
        return rows;
    }

    public long cols() {
        return cols;
    }

    /** The leading dimension: how many elements apart consecutive rows start. */
    public long ld() {
        return ld;
    }

    /** The memory from element (0, 0) to element (rows - 1, cols - 1). */
    public MemorySegment segment() {
        return segment;
    }

    /** "rows x cols", as error messages and reports show a shape. */
    public String shape() {
        return rows + "x" + cols;
    }

    public double get(long row, long col) {
        Shapes.requireAlive(segment, "matrix");
        return segment.getAtIndex(ValueLayout.JAVA_DOUBLE, index(row, col));
    }

    public void set(long row, long col, double value) {
        Shapes.requireAlive(segment, "matrix");
        segment.setAtIndex(ValueLayout.JAVA_DOUBLE, index(row, col), value);
    }

    private long index(long row, long col) {
        return Objects.checkIndex(row, rows) * ld + Objects.checkIndex(col, cols);
    }

    /** Row {@code row} as a vector view. */
    public DenseVector row(long row) {
        Objects.checkIndex(row, rows);
        return DenseVector.wrap(rowSegment(row));
    }

    /** The memory of one row; an empty matrix has no memory, so its rows are empty slices. */
    private MemorySegment rowSegment(long row) {
        return cols == 0 ? segment.asSlice(0, 0) : segment.asSlice(row * ld * Double.BYTES, cols * Double.BYTES);
    }

    /** Rows {@code [from, to)} as a view with the same leading dimension. */
    public DenseMatrix rowRange(long from, long to) {
        Objects.checkFromToIndex(from, to, rows);
        return block(from, 0, to - from, cols);
    }

    /** The {@code rows x cols} block whose top-left element is (row, col), as a view. */
    public DenseMatrix block(long row, long col, long rows, long cols) {
        Objects.checkFromIndexSize(row, rows, this.rows);
        Objects.checkFromIndexSize(col, cols, this.cols);
        long span = Shapes.matrixSpan(rows, cols, ld);
        long offset = span == 0 ? 0 : (row * ld + col) * Double.BYTES;
        return new DenseMatrix(segment.asSlice(offset, span * Double.BYTES), rows, cols, ld);
    }

    /** Copies a row-major array of exactly {@code rows * cols} elements into this matrix. Returns this matrix. */
    public DenseMatrix copyFrom(double[] rowMajor) {
        Shapes.requireAlive(segment, "matrix");
        if (rowMajor.length != rows * cols) {
            throw new IllegalArgumentException("copyFrom: the array has " + rowMajor.length
                    + " elements but the " + shape() + " matrix needs " + rows * cols);
        }
        for (long i = 0; i < rows; i++) {
            MemorySegment.copy(rowMajor, Math.toIntExact(i * cols), rowSegment(i), ValueLayout.JAVA_DOUBLE, 0,
                    Math.toIntExact(cols));
        }
        return this;
    }

    /** The elements as a new row-major array of {@code rows * cols} elements (padding dropped). */
    public double[] toArray() {
        Shapes.requireAlive(segment, "matrix");
        double[] out = new double[Math.toIntExact(rows * cols)];
        for (long i = 0; i < rows; i++) {
            MemorySegment.copy(rowSegment(i), ValueLayout.JAVA_DOUBLE, 0, out, Math.toIntExact(i * cols),
                    Math.toIntExact(cols));
        }
        return out;
    }

    /** Sets every element to {@code value} (padding between rows is left alone). Returns this matrix. */
    public DenseMatrix fill(double value) {
        for (long i = 0; i < rows; i++) {
            row(i).fill(value);
        }
        return this;
    }

    /**
     * Fills the matrix with uniform values in [-1, 1) from a generator seeded
     * with {@code seed}, row by row. Returns this matrix.
     */
    public DenseMatrix fillRandom(long seed) {
        Shapes.requireAlive(segment, "matrix");
        SplittableRandom random = new SplittableRandom(seed);
        for (long i = 0; i < rows; i++) {
            Shapes.fillRandom(row(i).segment(), random);
        }
        return this;
    }

    /** Shape, leading dimension and a preview of the first row, e.g. {@code DenseMatrix[3x4, ld=4]{...}}. */
    @Override
    public String toString() {
        String first = rows == 0 ? "{}" : Shapes.preview(segment, 0, cols);
        return "DenseMatrix[" + shape() + ", ld=" + ld + "]" + (rows > 1 ? first + "..." : first);
    }
}
