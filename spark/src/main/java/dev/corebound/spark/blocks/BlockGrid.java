package dev.corebound.spark.blocks;

import org.apache.spark.Partitioner;

import java.util.Set;
import java.util.TreeSet;

/**
 * Places the blocks of a product C in partitions as rectangles of neighbouring
 * blocks, with the same layout MLlib's {@code BlockMatrix.multiply} gives its
 * result (its {@code GridPartitioner}, built from the larger partition count of
 * the two operands): the two multiplies shuffle into the same partitions, so
 * their times compare the arithmetic, not the partitioning.
 *
 * <p>Keys are a {@link BlockIndex} or an {@link Integer} that already is a
 * partition number.
 */
final class BlockGrid extends Partitioner {

    private final int rows;
    private final int cols;
    private final int rowsPerPart;
    private final int colsPerPart;
    private final int rowParts;

    private BlockGrid(int rows, int cols, int rowsPerPart, int colsPerPart) {
        this.rows = rows;
        this.cols = cols;
        this.rowsPerPart = rowsPerPart;
        this.colsPerPart = colsPerPart;
        this.rowParts = (rows + rowsPerPart - 1) / rowsPerPart;
    }

    /**
     * A grid of {@code rows x cols} blocks in about {@code partitions} partitions:
     * each a rectangle of rows / sqrt(partitions) by cols / sqrt(partitions) blocks, rounded.
     */
    static BlockGrid of(int rows, int cols, int partitions) {
        double scale = 1.0 / Math.sqrt(partitions);
        return new BlockGrid(rows, cols, (int) Math.round(Math.max(scale * rows, 1.0)),
                (int) Math.round(Math.max(scale * cols, 1.0)));
    }

    @Override
    public int numPartitions() {
        return rowParts * ((cols + colsPerPart - 1) / colsPerPart);
    }

    int partition(int row, int col) {
        return row / rowsPerPart + col / colsPerPart * rowParts;
    }

    @Override
    public int getPartition(Object key) {
        return switch (key) {
            case Integer partition -> partition;
            case BlockIndex index -> partition(index.row(), index.col());
            default -> throw new IllegalArgumentException("a block grid places block indices or partition numbers, not " + key);
        };
    }

    /** The partitions that hold blocks of block row {@code row}. */
    Set<Integer> partitionsOfRow(int row) {
        Set<Integer> partitions = new TreeSet<>();
        for (int col = 0; col < cols; col++) {
            partitions.add(partition(row, col));
        }
        return partitions;
    }

    /** The partitions that hold blocks of block column {@code col}. */
    Set<Integer> partitionsOfColumn(int col) {
        Set<Integer> partitions = new TreeSet<>();
        for (int row = 0; row < rows; row++) {
            partitions.add(partition(row, col));
        }
        return partitions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockGrid g && g.rows == rows && g.cols == cols && g.rowsPerPart == rowsPerPart
                && g.colsPerPart == colsPerPart;
    }

    @Override
    public int hashCode() {
        return ((rows * 31 + cols) * 31 + rowsPerPart) * 31 + colsPerPart;
    }
}
