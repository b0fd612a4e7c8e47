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
     * Rows of C per gemm slice, for backends without a two-phase gemm. Each
     * slice packs all of op(B) again, which measured at about a third of the
     * work of a 128-row slice at n = 1024, so slices are 256 rows; smaller
     * matrices are cut in two (at least 16 rows) so that two workers share them.
     */
    static final long GEMM_ROWS = 256;
    /**
     * Rectangles per worker in the second phase of a two-phase gemm: one, as
     * BLIS gives each thread its share of the loops. Measured on this two-core
     * VM at n = 1024 (NATIVE, mean of 20 calls, two rounds side by side): one
     * per worker and two per worker equal under threads(2), one faster under
     * processes(2) (17.6 against 20.2 ms), where every task is a round trip to
     * a worker process; four per worker were slower again.
     */
    static final int GEMM_TASKS_PER_WORKER = 1;
    /**
     * The rectangles of a two-phase gemm are cut until there are enough of
     * them, halving whichever side is longer measured in these units: each
     * rectangle packs its rows of A once, so narrow rectangles pack A many
     * times, and each streams its columns of packed B once, so short ones
     * stream B many times; packing costs more than streaming, so rectangles
     * stay about four times wider than tall.
     */
    static final long GEMM_ROW_UNIT = 64;
    static final long GEMM_COLUMN_UNIT = 256;
    /** Rows of C per rectangle come in multiples of this. */
    static final long GEMM_ROW_GRANULE = 8;
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

    /**
     * Columns of C per chunk, a multiple of {@code multiple}, when a gemm task
     * of {@code rows} x ? x {@code k} runs under gil(n).
     */
    static long gilGemmColumns(long rows, long k, long multiple) {
        return roundUp(Math.max(1, GIL_CHUNK_FMAS / Math.max(1, rows * k)), multiple);
    }

    /** A rectangle of C: some rows, some columns. */
    record Rectangle(Range rows, Range columns) {
    }

    /**
     * The rectangles of an m x n C for the second phase of a two-phase gemm on
     * {@code workers} workers: {@link #GEMM_TASKS_PER_WORKER} per worker where
     * C is big enough, rows in multiples of {@link #GEMM_ROW_GRANULE}, columns
     * in multiples of the packed layout's {@code step}. Unlike the slices of
     * other operations they may depend on the number of workers: a two-phase
     * gemm gives the same bits for any rectangles.
     */
    static List<Rectangle> gemmRectangles(long m, long n, long step, int workers) {
        long target = (long) workers * GEMM_TASKS_PER_WORKER;
        long rowBlocks = 1;
        long columnRanges = 1;
        while (rowBlocks * columnRanges < target) {
            long rows = Math.ceilDiv(m, rowBlocks);
            long cols = Math.ceilDiv(n, columnRanges);
            boolean rowsSplit = rows >= 2 * GEMM_ROW_GRANULE;
            boolean colsSplit = cols >= 2 * step;
            if (rowsSplit && (!colsSplit || rows * GEMM_COLUMN_UNIT >= cols * GEMM_ROW_UNIT)) {
                rowBlocks *= 2;
            } else if (colsSplit) {
                columnRanges *= 2;
            } else {
                break;
            }
        }
        List<Rectangle> rectangles = new ArrayList<>();
        for (Range rows : of(m, roundUp(Math.ceilDiv(m, rowBlocks), GEMM_ROW_GRANULE))) {
            for (Range cols : of(n, roundUp(Math.ceilDiv(n, columnRanges), step))) {
                rectangles.add(new Rectangle(rows, cols));
            }
        }
        return rectangles;
    }

    /**
     * Column ranges of B for the first phase of a two-phase gemm, on the
     * layout's step: one per worker, since packing takes a fraction of a
     * millisecond per worker, about what handing out a task costs.
     */
    static List<Range> packedColumns(long n, long step, int workers) {
        long ranges = Math.min(workers, Math.ceilDiv(n, step));
        return of(n, roundUp(Math.ceilDiv(n, ranges), step));
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
