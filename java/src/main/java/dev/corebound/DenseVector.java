package dev.corebound;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A dense vector of doubles on a {@link MemorySegment}: off-heap memory from an
 * {@link Arena}, or a wrapped heap array. Elements are contiguous (stride 1).
 * A subvector is a view: it shares memory with its parent.
 *
 * <p>The same bytes go to Java loops, the Vector API, C and OpenBLAS without a
 * copy. The vector is valid as long as its arena is open; using it after the
 * arena closed gives an {@link IllegalStateException} that says so.
 */
public final class DenseVector {

    /** Byte alignment of allocated memory: one cache line, the widest SIMD register. */
    public static final long ALIGNMENT = 64;

    private final MemorySegment segment;
    private final long length;

    private DenseVector(MemorySegment segment) {
        this.segment = segment;
        this.length = segment.byteSize() / Double.BYTES;
    }

    /** A zero-filled vector of {@code length} elements, 64-byte aligned, owned by {@code arena}. */
    public static DenseVector allocate(Arena arena, long length) {
        Objects.requireNonNull(arena, "arena");
        Shapes.requireNonNegative("length", length);
        return new DenseVector(Shapes.allocate(arena, length));
    }

    /** An off-heap copy of {@code values}, owned by {@code arena}. */
    public static DenseVector of(Arena arena, double... values) {
        return allocate(arena, values.length).copyFrom(values);
    }

    /** A vector over a heap array: no copy, writes go to the array. */
    public static DenseVector wrap(double[] data) {
        return new DenseVector(MemorySegment.ofArray(Objects.requireNonNull(data, "data")));
    }

    /**
     * A vector over an existing segment, whose size must be a whole number of
     * doubles and whose address must be 8-byte aligned.
     */
    public static DenseVector wrap(MemorySegment segment) {
        Shapes.requireDoubleSegment(segment);
        return new DenseVector(segment);
    }

    public long length() {
        return length;
    }

    /** The memory holding exactly this vector's elements. */
    public MemorySegment segment() {
        return segment;
    }

    public double get(long index) {
        Shapes.requireAlive(segment, "vector");
        return segment.getAtIndex(ValueLayout.JAVA_DOUBLE, Objects.checkIndex(index, length));
    }

    public void set(long index, double value) {
        Shapes.requireAlive(segment, "vector");
        segment.setAtIndex(ValueLayout.JAVA_DOUBLE, Objects.checkIndex(index, length), value);
    }

    /** A view of elements {@code [from, from + length)}, sharing this vector's memory. */
    public DenseVector subvector(long from, long length) {
        Objects.checkFromIndexSize(from, length, this.length);
        return new DenseVector(segment.asSlice(from * Double.BYTES, length * Double.BYTES));
    }

    /** Copies {@code values} into this vector; the lengths must match. Returns this vector. */
    public DenseVector copyFrom(double[] values) {
        Shapes.requireAlive(segment, "vector");
        if (values.length != length) {
            throw new IllegalArgumentException(
                    "copyFrom: the array has " + values.length + " elements but the vector has length " + length);
        }
        MemorySegment.copy(values, 0, segment, ValueLayout.JAVA_DOUBLE, 0, values.length);
        return this;
    }

    /** The elements as a new heap array. */
    public double[] toArray() {
        Shapes.requireAlive(segment, "vector");
        return segment.toArray(ValueLayout.JAVA_DOUBLE);
    }

    /** Sets every element to {@code value}. Returns this vector. */
    public DenseVector fill(double value) {
        Shapes.requireAlive(segment, "vector");
        for (long i = 0; i < length; i++) {
            segment.setAtIndex(ValueLayout.JAVA_DOUBLE, i, value);
        }
        return this;
    }

    /**
     * Fills the vector with uniform values in [-1, 1) from a generator seeded
     * with {@code seed}: the same seed gives the same values. Returns this vector.
     */
    public DenseVector fillRandom(long seed) {
        Shapes.requireAlive(segment, "vector");
        Shapes.fillRandom(segment, new SplittableRandom(seed));
        return this;
    }

    /** Shape and the first and last few values, for example {@code DenseVector[5]{1.0, 2.0, 3.0, 4.0, 5.0}}. */
    @Override
    public String toString() {
        return "DenseVector[" + length + "]" + Shapes.preview(segment, 0, length);
    }
}
