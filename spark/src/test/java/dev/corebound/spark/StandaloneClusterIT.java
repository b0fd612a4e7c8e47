package dev.corebound.spark;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.parallel.Parallelism;
import dev.corebound.spark.blocks.BlockLayout;
import dev.corebound.spark.blocks.BlockMatrix;
import dev.corebound.workloads.MonteCarloPi;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real cluster, not local[n]: a standalone master and worker as JVMs of their
 * own, executors started by the worker, the application jar shipped to them
 * through spark.jars. The executors load corebound's native library from that
 * jar, compute, and the results are those of one machine. Nothing outlives the test.
 */
class StandaloneClusterIT {

    @Test
    @Timeout(300)
    void nativeKernelsRunOnAStandaloneClusterAndNothingOutlivesIt() throws Exception {
        String marker = UUID.randomUUID().toString();
        String appJar = System.getProperty("corebound.spark.appJar");
        try (StandaloneCluster cluster = StandaloneCluster.start(marker, 2, "1g", Duration.ofSeconds(90))) {
            SparkConf conf = SparkSetup.conf(cluster.masterUrl(), "StandaloneClusterIT")
                    .set("spark.jars", appJar)
                    .set("spark.executor.memory", "512m")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false");
            conf.set("spark.executor.extraJavaOptions", conf.get("spark.executor.extraJavaOptions")
                    + " -D" + StandaloneCluster.MARKER_PROPERTY + "=" + marker);
            try (JavaSparkContext sc = new JavaSparkContext(conf); Parallelism threads = Parallelism.threads(2)) {
                List<ExecutorCheck.Executor> executors = ExecutorCheck.probe(sc, Backend.NATIVE);
                assertFalse(executors.isEmpty());
                for (ExecutorCheck.Executor e : executors) {
                    assertNotEquals(ProcessHandle.current().pid(), e.pid(), "the executor must be a JVM of its own");
                    assertTrue(e.available(), e.toString());
                    // corebound came from the worker's copy of the shipped jar, not from this JVM's class path
                    assertTrue(e.coreboundJar().contains(cluster.home().toString())
                            && e.coreboundJar().endsWith(Path.of(appJar).getFileName().toString()), e.toString());
                }

                // The marker finds the master, the worker and the executors while they run, so its absence below means something.
                assertTrue(StandaloneCluster.survivors(marker).size() >= 2 + executors.size(),
                        "processes with the marker: " + StandaloneCluster.survivors(marker));

                long samples = 5 * (1L << 20) + 3;
                assertEquals(MonteCarloPi.run(threads, Backend.NATIVE, samples, 11),
                        SparkWorkloads.monteCarloPi(sc, Backend.NATIVE, samples, 11));

                DenseMatrix a = DenseMatrix.wrap(new double[700 * 90], 700, 90).fillRandom(5);
                DenseMatrix b = DenseMatrix.wrap(new double[90 * 60], 90, 60).fillRandom(6);
                DenseMatrix onCluster = DenseMatrix.wrap(new double[700 * 60], 700, 60);
                DenseMatrix here = DenseMatrix.wrap(new double[700 * 60], 700, 60);
                SparkGemm.gemm(sc, Backend.NATIVE, a, b, onCluster);
                Corebound.blas(Backend.NATIVE, threads).gemm(a, b, here);
                assertArrayEquals(here.toArray(), onCluster.toArray());

                BlockMatrix left = BlockMatrix.random(sc, new BlockLayout(120, 100, 50, 50), 7, 2);
                BlockMatrix right = BlockMatrix.random(sc, new BlockLayout(100, 80, 50, 50), 8, 2);
                double difference = left.multiply(right, Backend.NATIVE)
                        .maxAbsDifference(BlockMatrix.fromMllib(left.toMllib().multiply(right.toMllib())));
                assertTrue(difference < 1e-12, "corebound and MLlib differ by " + difference);
            }
        }
        assertEquals(List.of(), StandaloneCluster.survivors(marker), "Spark processes outlived the cluster");
    }
}
