package dev.corebound.spark.blocks;

import java.io.Serializable;

/**
 * How a {@code rows x cols} matrix is cut into blocks of
 * {@code rowsPerBlock x colsPerBlock}; the blocks of the last block row and
 * column may be smaller. Blocks are row-major {@code double[]}s.
 */
public record BlockLayout(long rows, long cols, int rowsPerBlock, int colsPerBlock) implements Serializable {

    public BlockLayout {
        if (rows < 1 || cols < 1 || rowsPerBlock < 1 || colsPerBlock < 1) {
            throw new IllegalArgumentException("a block matrix needs at least one row, one column and blocks of at "
                    + "least 1 x 1, but is " + rows + " x " + cols + " in blocks of " + rowsPerBlock + " x " + colsPerBlock);
        }
        if ((long) rowsPerBlock * colsPerBlock > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a block of " + rowsPerBlock + " x " + colsPerBlock
                    + " does not fit a Java array; use smaller blocks");
        }
        if ((rows + rowsPerBlock - 1) / rowsPerBlock > Integer.MAX_VALUE
                || (cols + colsPerBlock - 1) / colsPerBlock > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix in blocks of " + rowsPerBlock
                    + " x " + colsPerBlock + " has more block rows or columns than an int counts; use larger blocks");
        }
    }

    public int rowBlocks() {
        return Math.toIntExact((rows + rowsPerBlock - 1) / rowsPerBlock);
    }

    public int colBlocks() {
        return Math.toIntExact((cols + colsPerBlock - 1) / colsPerBlock);
    }

    /** Rows of the blocks in block row {@code i}. */
    public int rowsOf(int i) {
        return (int) Math.min(rowsPerBlock, rows - (long) i * rowsPerBlock);
    }

    /** Columns of the blocks in block column {@code j}. */
    public int colsOf(int j) {
        return (int) Math.min(colsPerBlock, cols - (long) j * colsPerBlock);
    }
}
