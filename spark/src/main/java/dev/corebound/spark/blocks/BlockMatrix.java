package dev.corebound.spark.blocks;

import dev.corebound.Backend;
import dev.corebound.DenseMatrix;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Matrix;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;

/**
 * A distributed matrix for operands larger than one JVM: an RDD of blocks,
 * (block row, block column) to a row-major {@code double[]}, laid out by a
 * {@link BlockLayout}. Products run block by block on corebound's backends
 * inside the executors ({@link #multiply}); {@link #toMllib()} gives the same
 * blocks, without a copy, as an MLlib {@code BlockMatrix}.
 *
 * @param blocks one entry per block; a missing block counts as zeros in a product
 * @param layout the matrix's size and block size
 */
public record BlockMatrix(JavaPairRDD<BlockIndex, double[]> blocks, BlockLayout layout) {

    /**
     * A matrix of uniform values in [-1, 1), each block made on an executor from
     * {@code seed} and its index (so the driver never holds the matrix), in
     * {@code partitions} partitions, cached.
     */
    public static BlockMatrix random(JavaSparkContext sc, BlockLayout layout, long seed, int partitions) {
        List<BlockIndex> indices = new ArrayList<>();
        for (int i = 0; i < layout.rowBlocks(); i++) {
            for (int j = 0; j < layout.colBlocks(); j++) {
                indices.add(new BlockIndex(i, j));
            }
        }
        JavaPairRDD<BlockIndex, double[]> blocks = sc.parallelize(indices, partitions).mapToPair(index -> {
            int rows = layout.rowsOf(index.row());
            int cols = layout.colsOf(index.col());
            double[] values = new double[rows * cols];
            long blockSeed = seed + 0x9E3779B97F4A7C15L * ((long) index.row() * layout.colBlocks() + index.col() + 1);
            DenseMatrix.wrap(values, rows, cols).fillRandom(blockSeed);
            return new Tuple2<>(index, values);
        });
        return new BlockMatrix(blocks.cache(), layout);
    }

    /**
     * C = this * other, every block product a gemm of {@code backend} on an executor
     * (see {@link BlockProduct}). Lazy, like every RDD: nothing runs until C's blocks are used.
     *
     * @throws IllegalArgumentException when the sizes or the inner block sizes differ
     */
    public BlockMatrix multiply(BlockMatrix other, Backend backend) {
        return BlockProduct.multiply(this, other, backend);
    }

    /**
     * The same blocks as an MLlib {@code BlockMatrix}, in the same partitions: each
     * block wraps this matrix's array as a row-major ("transposed") MLlib DenseMatrix, no copy.
     */
    public org.apache.spark.mllib.linalg.distributed.BlockMatrix toMllib() {
        BlockLayout l = layout;
        // mapToPair, not map: its RDD carries Tuple2's class tag, which MLlib's collect() calls need.
        JavaPairRDD<Tuple2<Object, Object>, Matrix> mllibBlocks = blocks.mapToPair(block -> {
            BlockIndex index = block._1();
            Matrix values = new org.apache.spark.mllib.linalg.DenseMatrix(l.rowsOf(index.row()), l.colsOf(index.col()),
                    block._2(), true);
            return new Tuple2<>(new Tuple2<>(index.row(), index.col()), values);
        });
        return new org.apache.spark.mllib.linalg.distributed.BlockMatrix(mllibBlocks.rdd(), l.rowsPerBlock(),
                l.colsPerBlock(), l.rows(), l.cols());
    }

    /** An MLlib {@code BlockMatrix}'s blocks, copied into row-major arrays. */
    public static BlockMatrix fromMllib(org.apache.spark.mllib.linalg.distributed.BlockMatrix matrix) {
        BlockLayout layout = new BlockLayout(matrix.numRows(), matrix.numCols(), matrix.rowsPerBlock(),
                matrix.colsPerBlock());
        JavaPairRDD<BlockIndex, double[]> blocks = matrix.blocks().toJavaRDD().mapToPair(block ->
                // MLlib's toArray is column-major: that of the transpose is this block row-major.
                new Tuple2<>(new BlockIndex((Integer) block._1()._1(), (Integer) block._1()._2()), block._2().transpose().toArray()));
        return new BlockMatrix(blocks, layout);
    }

    /** The largest |this - other| over all elements; a block missing on one side counts as zeros. */
    public double maxAbsDifference(BlockMatrix other) {
        if (!layout.equals(other.layout)) {
            throw new IllegalArgumentException("cannot compare a block matrix laid out as " + layout + " with one laid out as "
                    + other.layout);
        }
        return blocks.fullOuterJoin(other.blocks).map(pair -> {
            double[] a = pair._2()._1().orElse(null);
            double[] b = pair._2()._2().orElse(null);
            int length = a != null ? a.length : b.length;
            double max = 0;
            for (int i = 0; i < length; i++) {
                max = Math.max(max, Math.abs((a == null ? 0 : a[i]) - (b == null ? 0 : b[i])));
            }
            return max;
        }).fold(0.0, Math::max);
    }

    /** The whole matrix on the driver, row-major; for checks on matrices that fit one JVM. */
    public double[] toArray() {
        int cols = Math.toIntExact(layout.cols());
        double[] whole = new double[Math.toIntExact(layout.rows() * layout.cols())];
        for (Tuple2<BlockIndex, double[]> block : blocks.collect()) {
            BlockIndex index = block._1();
            int rows = layout.rowsOf(index.row());
            int blockCols = layout.colsOf(index.col());
            long top = (long) index.row() * layout.rowsPerBlock();
            long left = (long) index.col() * layout.colsPerBlock();
            DenseMatrix.wrap(whole, layout.rows(), cols).block(top, left, rows, blockCols).copyFrom(block._2());
        }
        return whole;
    }
}
