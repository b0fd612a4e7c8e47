package dev.corebound.spark.blocks;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.Transpose;
import dev.corebound.spark.LocalSpark;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Matrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The block matrix: its products against one machine and against MLlib, on the same blocks and partitions. */
class BlockMatrixTest {

    private static JavaSparkContext sc;

    /** 150 x 130 in 40 x 50 blocks and 130 x 90 in 50 x 40 blocks: every edge block is smaller. */
    private static final BlockLayout LEFT = new BlockLayout(150, 130, 40, 50);
    private static final BlockLayout RIGHT = new BlockLayout(130, 90, 50, 40);
    private static BlockMatrix a;
    private static BlockMatrix b;

    @BeforeAll
    static void start() {
        sc = LocalSpark.start("BlockMatrixTest");
        a = BlockMatrix.random(sc, LEFT, 1, 3);
        b = BlockMatrix.random(sc, RIGHT, 2, 2);
    }

    @AfterAll
    static void stop() {
        sc.stop();
    }

    @Test
    void eachBlockOfTheProductIsTheSumOfItsBlockProductsInOrderOfK() {
        double[] left = a.toArray();
        double[] right = b.toArray();
        DenseMatrix wholeA = DenseMatrix.wrap(left, 150, 130);
        DenseMatrix wholeB = DenseMatrix.wrap(right, 130, 90);
        DenseMatrix expected = DenseMatrix.wrap(new double[150 * 90], 150, 90);
        // One machine, the same gemm calls: C(i, j) += A(i, k) B(k, j) for k = 0, 1, 2, on views of the whole matrices.
        for (int i = 0; i < LEFT.rowBlocks(); i++) {
            for (int j = 0; j < RIGHT.colBlocks(); j++) {
                for (int k = 0; k < LEFT.colBlocks(); k++) {
                    Corebound.blas(Backend.NATIVE).gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, 1.0,
                            wholeA.block(i * 40L, k * 50L, LEFT.rowsOf(i), LEFT.colsOf(k)),
                            wholeB.block(k * 50L, j * 40L, RIGHT.rowsOf(k), RIGHT.colsOf(j)),
                            k == 0 ? 0.0 : 1.0, expected.block(i * 40L, j * 40L, LEFT.rowsOf(i), RIGHT.colsOf(j)));
                }
            }
        }
        assertArrayEquals(expected.toArray(), a.multiply(b, Backend.NATIVE).toArray());
    }

    @Test
    void agreesWithMllibInTheSamePartitions() {
        BlockMatrix ours = a.multiply(b, Backend.NATIVE);
        var theirs = a.toMllib().multiply(b.toMllib());
        assertTrue(ours.maxAbsDifference(BlockMatrix.fromMllib(theirs)) < 1e-12);
        assertEquals(theirs.blocks().getNumPartitions(), ours.blocks().getNumPartitions());
        List<Set<BlockIndex>> ourPartitions = ours.blocks().keys().glom().collect().stream()
                .<Set<BlockIndex>>map(HashSet::new).toList();
        List<Set<BlockIndex>> theirPartitions = theirs.blocks().toJavaRDD()
                .map(block -> new BlockIndex((Integer) block._1()._1(), (Integer) block._1()._2())).glom().collect()
                .stream().<Set<BlockIndex>>map(HashSet::new).toList();
        assertEquals(theirPartitions, ourPartitions);
    }

    @Test
    void mllibSeesTheSameElementsWithoutACopy() {
        Matrix local = a.toMllib().toLocalMatrix();
        double[] ours = a.toArray();
        for (int i = 0; i < 150; i += 7) {
            for (int j = 0; j < 130; j += 11) {
                assertEquals(ours[i * 130 + j], local.apply(i, j));
            }
        }
    }

    @Test
    void productsOfOtherBackendsAgree() {
        double difference = a.multiply(b, Backend.JAVA_VECTOR).maxAbsDifference(a.multiply(b, Backend.NATIVE));
        assertTrue(difference < 1e-12, "largest difference " + difference);
    }

    @Test
    void mismatchedOperandsAreNamed() {
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class, () -> a.multiply(a, Backend.NATIVE));
        assertTrue(sizes.getMessage().contains("A is 150 x 130 but B is 150 x 130"), sizes.getMessage());
        BlockMatrix otherBlocks = BlockMatrix.random(sc, new BlockLayout(130, 90, 60, 40), 3, 1);
        IllegalArgumentException blocks = assertThrows(IllegalArgumentException.class,
                () -> a.multiply(otherBlocks, Backend.NATIVE));
        assertTrue(blocks.getMessage().contains("A's blocks have 50 columns but B's have 60 rows"), blocks.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BlockLayout(0, 10, 5, 5));
    }
}
