package dev.corebound.spark;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * C = A * B on Spark's executors, cut as corebound's parallelisms cut gemm:
 * one slice per block of rows of C. B is broadcast (each executor receives it
 * once); each slice ships its rows of A and returns its rows of C. Every slice
 * is one serial gemm of corebound's public API on heap arrays, so C is the same,
 * to the bit, as {@code Corebound.blas(backend, Parallelism.threads(n)).gemm(a, b, c)}
 * on one machine.
 *
 * <p>B and each row block must fit a Java array (2^31 - 1 elements); for larger
 * operands use {@link dev.corebound.spark.blocks.BlockMatrix}.
 */
public final class SparkGemm {

    private SparkGemm() {
    }

    /** Rows of A for one slice of C. */
    private record RowBlock(long rows, double[] a) implements Serializable {
    }

    /** C = A * B, C overwritten; A, B and C are in any memory the public API accepts. */
    public static void gemm(JavaSparkContext sc, Backend backend, DenseMatrix a, DenseMatrix b, DenseMatrix c) {
        if (a.cols() != b.rows() || c.rows() != a.rows() || c.cols() != b.cols()) {
            throw new IllegalArgumentException("gemm on Spark: C = A * B needs A m x k, B k x n and C m x n, but A is "
                    + a.shape() + ", B " + b.shape() + " and C " + c.shape());
        }
        long k = a.cols();
        long n = b.cols();
        List<Slice> slices = KernelRoute.gemmSlices(a.rows());
        List<RowBlock> blocks = new ArrayList<>(slices.size());
        for (Slice s : slices) {
            blocks.add(new RowBlock(s.length(), a.rowRange(s.start(), s.end()).toArray()));
        }
        Broadcast<double[]> bShared = sc.broadcast(b.toArray());
        try {
            List<double[]> rowsOfC = SliceJob.run(sc, blocks, block -> {
                double[] cRows = new double[Math.toIntExact(block.rows() * n)];
                Corebound.blas(backend).gemm(DenseMatrix.wrap(block.a(), block.rows(), k),
                        DenseMatrix.wrap(bShared.value(), k, n), DenseMatrix.wrap(cRows, block.rows(), n));
                return cRows;
            });
            for (int i = 0; i < slices.size(); i++) {
                c.rowRange(slices.get(i).start(), slices.get(i).end()).copyFrom(rowsOfC.get(i));
            }
        } finally {
            bShared.destroy();
        }
    }
}
