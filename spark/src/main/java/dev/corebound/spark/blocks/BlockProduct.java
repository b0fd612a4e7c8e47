package dev.corebound.spark.blocks;

import dev.corebound.Backend;
import dev.corebound.Blas;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.Transpose;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * C = A * B for block matrices, on corebound's backends inside the executors.
 *
 * <p>The blocks of C are placed by a {@link BlockGrid} (MLlib's layout). Each
 * block A(i, k) is shuffled once to every partition that holds a block of C's
 * row i, and each B(k, j) once to every partition that holds one of column j;
 * a partition then computes each of its blocks C(i, j) = sum over k of
 * A(i, k) B(k, j) by gemm calls that accumulate in place (beta = 1), k in
 * ascending order. So C(i, j) is the same, to the bit, as the same gemm calls
 * on one machine, and, unlike MLlib, no partial product is allocated or
 * shuffled a second time to be added.
 */
final class BlockProduct {

    private BlockProduct() {
    }

    /** A block on its way to a partition of C. */
    private record Operand(BlockIndex index, double[] values) implements Serializable {
    }

    static BlockMatrix multiply(BlockMatrix a, BlockMatrix b, Backend backend) {
        BlockLayout left = a.layout();
        BlockLayout right = b.layout();
        if (left.cols() != right.rows()) {
            throw new IllegalArgumentException("block multiply: A is " + left.rows() + " x " + left.cols() + " but B is "
                    + right.rows() + " x " + right.cols() + "; A's columns must equal B's rows");
        }
        if (left.colsPerBlock() != right.rowsPerBlock()) {
            throw new IllegalArgumentException("block multiply: A's blocks have " + left.colsPerBlock()
                    + " columns but B's have " + right.rowsPerBlock() + " rows; they must be equal");
        }
        BlockLayout product = new BlockLayout(left.rows(), right.cols(), left.rowsPerBlock(), right.colsPerBlock());
        BlockGrid grid = BlockGrid.of(product.rowBlocks(), product.colBlocks(),
                Math.max(a.blocks().getNumPartitions(), b.blocks().getNumPartitions()));
        JavaPairRDD<Integer, Operand> toRows = a.blocks().flatMapToPair(block -> shipped(block,
                grid.partitionsOfRow(block._1().row())));
        JavaPairRDD<Integer, Operand> toColumns = b.blocks().flatMapToPair(block -> shipped(block,
                grid.partitionsOfColumn(block._1().col())));
        JavaPairRDD<BlockIndex, double[]> blocks = toRows.cogroup(toColumns, grid)
                .flatMapToPair(partition -> products(partition._2()._1(), partition._2()._2(), product, right, backend));
        return new BlockMatrix(blocks, product);
    }

    private static Iterator<Tuple2<Integer, Operand>> shipped(Tuple2<BlockIndex, double[]> block, Iterable<Integer> partitions) {
        List<Tuple2<Integer, Operand>> copies = new ArrayList<>();
        for (int p : partitions) {
            copies.add(new Tuple2<>(p, new Operand(block._1(), block._2())));
        }
        return copies.iterator();
    }

    /**
     * The blocks of C one partition holds. Its blocks of A span block rows I and
     * its blocks of B span block columns J; every C(i, j) with i in I, j in J
     * is in this partition (the grid's partitions are rectangles), and needs
     * nothing that is not here.
     */
    private static Iterator<Tuple2<BlockIndex, double[]>> products(Iterable<Operand> aBlocks, Iterable<Operand> bBlocks,
                                                                 BlockLayout product, BlockLayout right, Backend backend) {
        TreeMap<Integer, TreeMap<Integer, double[]>> aByRow = new TreeMap<>();   // i -> k -> A(i, k)
        TreeMap<Integer, TreeMap<Integer, double[]>> bByColumn = new TreeMap<>(); // j -> k -> B(k, j)
        aBlocks.forEach(o -> aByRow.computeIfAbsent(o.index().row(), i -> new TreeMap<>()).put(o.index().col(), o.values()));
        bBlocks.forEach(o -> bByColumn.computeIfAbsent(o.index().col(), j -> new TreeMap<>()).put(o.index().row(), o.values()));
        Blas blas = Corebound.blas(backend);
        List<Tuple2<BlockIndex, double[]>> c = new ArrayList<>();
        aByRow.forEach((i, rowOfA) -> bByColumn.forEach((j, columnOfB) -> {
            int rows = product.rowsOf(i);
            int cols = product.colsOf(j);
            double[] sum = null;
            for (var ak : rowOfA.entrySet()) {
                double[] bBlock = columnOfB.get(ak.getKey());
                if (bBlock == null) {
                    continue; // a missing block of B is zeros
                }
                int inner = right.rowsOf(ak.getKey());
                double beta = sum == null ? 0.0 : 1.0;
                if (sum == null) {
                    sum = new double[rows * cols];
                }
                blas.gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, 1.0, DenseMatrix.wrap(ak.getValue(), rows, inner),
                        DenseMatrix.wrap(bBlock, inner, cols), beta, DenseMatrix.wrap(sum, rows, cols));
            }
            if (sum != null) {
                c.add(new Tuple2<>(new BlockIndex(i, j), sum));
            }
        }));
        return c.iterator();
    }
}
