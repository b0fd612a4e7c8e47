package dev.corebound.spark.cli;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.parallel.Parallelism;
import dev.corebound.spark.SparkGemm;
import dev.corebound.spark.SparkWorkloads;
import dev.corebound.spark.blocks.BlockLayout;
import dev.corebound.spark.blocks.BlockMatrix;
import dev.corebound.workloads.Mandelbrot;
import dev.corebound.workloads.MonteCarloPi;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@code corebound spark} measures, each pair side by side in one run:
 * corebound's block multiply against MLlib's {@code BlockMatrix.multiply} on
 * the same blocks and partitions, and corebound's sliced gemm, Monte Carlo pi
 * and Mandelbrot on Spark against the same slices on one machine's threads.
 * Every pair's results are checked against each other.
 */
final class Comparison {

    /** Backends that have the workloads (Monte Carlo pi, Mandelbrot). */
    private static final Set<Backend> WORKLOAD_BACKENDS = Set.of(Backend.JAVA_SCALAR, Backend.JAVA_VECTOR, Backend.NATIVE);

    /**
     * @param n          matrix side of both multiplies
     * @param block      block side of the block multiply
     * @param backend    corebound's backend for everything
     * @param warmup     unmeasured runs of each contender first
     * @param iterations measured runs of each contender
     * @param samples    Monte Carlo pi samples
     * @param grid       Mandelbrot grid side (the classic view, 256 iterations at most)
     */
    record Settings(int n, int block, Backend backend, int warmup, int iterations, long samples, int grid) {
    }

    /** The measurements, and one line per check of results or per part left out. */
    record Outcome(List<Measurement> measurements, List<String> notes) {
    }

    private final JavaSparkContext sc;
    private final Settings settings;
    private final PrintStream progress;
    private final String onSpark;
    private final int slots;
    /** Threads of the one-machine reference: the task slots in local mode, the driver's cores otherwise. */
    private final int threads;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Comparison(JavaSparkContext sc, Settings settings, PrintStream progress) {
        this.sc = sc;
        this.settings = settings;
        this.progress = progress;
        this.onSpark = "spark " + sc.master();
        this.slots = sc.defaultParallelism();
        this.threads = sc.isLocal() ? slots : Runtime.getRuntime().availableProcessors();
    }

    static Outcome run(JavaSparkContext sc, Settings settings, PrintStream progress) {
        Comparison c = new Comparison(sc, settings, progress);
        c.blockMultiply();
        c.gemm();
        if (WORKLOAD_BACKENDS.contains(settings.backend())) {
            c.monteCarloPi();
            c.mandelbrot();
        } else {
            c.note("Monte Carlo pi and Mandelbrot left out: " + settings.backend() + " has no workloads "
                    + "(JAVA_SCALAR, JAVA_VECTOR and NATIVE have)");
        }
        return new Outcome(List.copyOf(c.measurements), List.copyOf(c.notes));
    }

    private void blockMultiply() {
        int n = settings.n();
        progress.printf(Locale.ROOT, "block multiply, n = %d in %d x %d blocks: corebound %s against MLlib...%n",
                n, settings.block(), settings.block(), settings.backend());
        BlockLayout layout = new BlockLayout(n, n, settings.block(), settings.block());
        BlockMatrix a = BlockMatrix.random(sc, layout, 1, slots);
        BlockMatrix b = BlockMatrix.random(sc, layout, 2, slots);
        a.blocks().count(); // made and cached before any timing
        b.blocks().count();
        var mllibA = a.toMllib();
        var mllibB = b.toMllib();
        measure("blockMultiply", n, settings.block(), 2.0 * n * n * n, List.of(
                new Contender(corebound(), onSpark, slots, () -> a.multiply(b, settings.backend()).blocks().count()),
                new Contender("MLlib", onSpark, slots, () -> mllibA.multiply(mllibB).blocks().count())));
        double difference = a.multiply(b, settings.backend()).maxAbsDifference(BlockMatrix.fromMllib(mllibA.multiply(mllibB)));
        note(String.format(Locale.ROOT, "block multiply: corebound and MLlib %s (largest difference %.3g; their sums "
                + "run in other orders)", difference <= 1e-12 * n ? "agree" : "DISAGREE", difference));
        a.blocks().unpersist(false);
        b.blocks().unpersist(false);
    }

    private void gemm() {
        int n = settings.n();
        progress.printf(Locale.ROOT, "gemm, n = %d, B broadcast, row blocks of A: on Spark against threads(%d)...%n", n, threads);
        DenseMatrix a = DenseMatrix.wrap(new double[n * n], n, n).fillRandom(3);
        DenseMatrix b = DenseMatrix.wrap(new double[n * n], n, n).fillRandom(4);
        DenseMatrix onCluster = DenseMatrix.wrap(new double[n * n], n, n);
        DenseMatrix here = DenseMatrix.wrap(new double[n * n], n, n);
        try (Parallelism p = Parallelism.threads(threads)) {
            measure("gemm", n, 0, 2.0 * n * n * n, List.of(
                    new Contender(corebound(), onSpark, slots, () -> SparkGemm.gemm(sc, settings.backend(), a, b, onCluster)),
                    new Contender(corebound(), oneMachine(p), threads, () -> Corebound.blas(settings.backend(), p).gemm(a, b, here))));
        }
        note("gemm: Spark and one machine " + same(Arrays.equals(onCluster.toArray(), here.toArray())));
    }

    private void monteCarloPi() {
        long samples = settings.samples();
        progress.printf(Locale.ROOT, "Monte Carlo pi, %d samples: on Spark against threads(%d)...%n", samples, threads);
        AtomicLong onCluster = new AtomicLong();
        AtomicLong here = new AtomicLong();
        try (Parallelism p = Parallelism.threads(threads)) {
            measure("monteCarloPi", samples, 0, 0, List.of(
                    new Contender(corebound(), onSpark, slots,
                            () -> onCluster.set(SparkWorkloads.monteCarloPi(sc, settings.backend(), samples, 42).hits())),
                    new Contender(corebound(), oneMachine(p), threads,
                            () -> here.set(MonteCarloPi.run(p, settings.backend(), samples, 42).hits()))));
        }
        note("Monte Carlo pi: Spark and one machine " + same(onCluster.get() == here.get()) + " (" + onCluster.get() + " hits)");
    }

    private void mandelbrot() {
        Mandelbrot grid = Mandelbrot.classic(settings.grid(), settings.grid(), 256);
        progress.printf(Locale.ROOT, "Mandelbrot, %d x %d: on Spark against threads(%d)...%n", settings.grid(), settings.grid(), threads);
        AtomicLong onCluster = new AtomicLong();
        AtomicLong here = new AtomicLong();
        try (Parallelism p = Parallelism.threads(threads)) {
            measure("mandelbrot", settings.grid(), 0, 0, List.of(
                    new Contender(corebound(), onSpark, slots, () -> onCluster.set(SparkWorkloads.mandelbrot(sc, settings.backend(), grid))),
                    new Contender(corebound(), oneMachine(p), threads, () -> here.set(grid.iterations(p, settings.backend())))));
        }
        note("Mandelbrot: Spark and one machine " + same(onCluster.get() == here.get()) + " (" + onCluster.get() + " iterations)");
    }

    private String corebound() {
        return "corebound " + settings.backend();
    }

    private static String oneMachine(Parallelism p) {
        return "one machine, " + p.name();
    }

    private static String same(boolean identical) {
        return identical ? "agree bit for bit" : "DIFFER";
    }

    /** One side of a comparison: who computes, where, on how many workers, and the run to time. */
    private record Contender(String implementation, String runsOn, int workers, Runnable run) {
    }

    /** Times the contenders side by side and keeps one measurement each. */
    private void measure(String op, long size, int block, double flops, List<Contender> contenders) {
        List<List<Double>> seconds = Rounds.time(contenders.stream().map(Contender::run).toList(), settings.warmup(),
                settings.iterations());
        for (int i = 0; i < contenders.size(); i++) {
            Contender c = contenders.get(i);
            Measurement m = new Measurement(op, c.implementation(), c.runsOn(), c.workers(), size, block, seconds.get(i), flops);
            measurements.add(m);
            progress.println("  " + Summary.line(m));
        }
    }

    private void note(String line) {
        notes.add(line);
        progress.println("  " + line);
    }
}
