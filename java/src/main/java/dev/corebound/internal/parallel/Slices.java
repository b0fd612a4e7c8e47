package dev.corebound.internal.parallel;

import dev.corebound.DenseMatrix;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * How operations are cut into slices. Every size here depends on the shape of
 * the problem only, never on the number of workers, so the same slices run
 * under any parallelism and their partial results combine to the same bits.
 */
public final class Slices {

    /** Elements per level-1 slice: 512 KiB per operand, tens of microseconds of work. */
    public static final long LEVEL1 = 1 << 16;
    /** Multiply-adds per gemv slice. */
    static final long GEMV_FMAS = 1 << 18;
    /**
     * Rows of C per gemm slice. Each slice packs all of op(B) again, which
     * measured at about a third of the work of a 128-row slice at n = 1024, so
     * slices are 256 rows; smaller matrices are cut in two (at least 16 rows)
     * so that two workers share them.
     */
    static final long GEMM_ROWS = 256;
    /** Monte Carlo samples per slice: a few milliseconds of work. */
    public static final long MONTE_CARLO_SAMPLES = 1 << 20;
    /** Mandelbrot slices per grid: rows cost very different amounts, so many small slices balance the load. */
    static final long MANDELBROT_SLICES = 64;
    /** Multiply-adds per chunk between switch points under gil(n). */
    static final long GIL_CHUNK_FMAS = 1 << 22;

    private Slices() {
    }

    /** A half-open range [start, start + length). */
    public record Range(long start, long length) {
        public long end() {
            return start + length;
        }
    }

    /** [0, total) cut into ranges of {@code size} (the last may be shorter); one empty range when total is 0. */
    public static List<Range> of(long total, long size) {
        List<Range> ranges = new ArrayList<>();
        for (long start = 0; start < total; start += size) {
            ranges.add(new Range(start, Math.min(size, total - start)));
        }
        if (ranges.isEmpty()) {
            ranges.add(new Range(0, 0));
        }
        return ranges;
    }

    /**
     * The block of {@code rows x cols} elements at (row, col) of a row-major
     * {@code parentRows x parentCols} matrix with leading dimension ld.
     */
    static MemorySegment block(MemorySegment matrix, long parentRows, long parentCols, long ld,
                               long row, long col, long rows, long cols) {
        return DenseMatrix.wrap(matrix, parentRows, parentCols, ld).block(row, col, rows, cols).segment();
    }

    /** Rows of C per gemm slice, for an m-row C. */
    public static long gemmRows(long m) {
        return m <= 2 * GEMM_ROWS ? Math.max(16, roundUp((m + 1) / 2, 8)) : GEMM_ROWS;
    }

    /** Rows (no-trans) or columns (trans) of A per gemv slice, for an inner dimension of {@code inner}. */
    static long gemvLines(long inner) {
        return roundUp(Math.max(1, GEMV_FMAS / Math.max(1, inner)), 8);
    }

    /** Rows per Mandelbrot slice, for a grid of {@code height} rows. */
    public static long mandelbrotRows(long height) {
        return Math.max(1, (height + MANDELBROT_SLICES - 1) / MANDELBROT_SLICES);
    }

    /** Columns of C per chunk when a gemm slice of {@code rows} x ? x {@code k} runs under gil(n). */
    static long gilGemmColumns(long rows, long k) {
        return roundUp(Math.max(1, GIL_CHUNK_FMAS / Math.max(1, rows * k)), 64);
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
