package dev.corebound.spark.cli;

import dev.corebound.Corebound;
import dev.corebound.Backend;
import dev.corebound.bench.report.Machine;
import dev.corebound.spark.ExecutorCheck;
import dev.corebound.spark.SparkSetup;
import dev.ludovic.netlib.blas.BLAS;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code corebound spark}: corebound's kernels on Apache Spark. Compares
 * corebound's block multiply with MLlib's {@code BlockMatrix.multiply} on the
 * same blocks and partitions, runs corebound's sliced gemm, Monte Carlo pi and
 * Mandelbrot on the executors against the same slices on one machine, checks
 * every pair's results, and writes results.json, results.csv and report.md.
 */
@Command(name = "corebound spark", mixinStandardHelpOptions = true, versionProvider = SparkCommand.Version.class,
        description = {"Runs corebound's kernels on Apache Spark executors: its block matrix multiply against MLlib's "
                + "BlockMatrix.multiply on the same blocks and partitions, and its sliced gemm, Monte Carlo pi and "
                + "Mandelbrot against the same slices on one machine.",
                "Writes results.json, results.csv and report.md."})
public final class SparkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*], local[N] or spark://host:port (default: spark-submit's --master, "
                    + "otherwise local[*]).")
    String master;

    @Option(names = "--n", paramLabel = "N", defaultValue = "2048",
            description = "Matrix side of both multiplies (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--block", paramLabel = "B", defaultValue = "512",
            description = "Block side of the block multiply (default: ${DEFAULT-VALUE}).")
    int block;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "NATIVE",
            description = "corebound's backend: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Backend backend;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Unmeasured runs of each contender first; Spark's shuffle still ran 40%% slower in the second "
                    + "than in the third (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5",
            description = "Measured runs of each contender (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "134217728",
            description = "Monte Carlo pi samples (default: ${DEFAULT-VALUE}).")
    long samples;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "2048",
            description = "Mandelbrot grid side (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: corebound-results/spark-<date-time>).")
    Path out;

    public static void main(String[] args) {
        quietSpark();
        System.exit(new CommandLine(new SparkCommand()).execute(args));
    }

    /**
     * Spark logs at INFO unless told otherwise, which buries the tool's own
     * lines: use the tool's WARN configuration unless the user named one.
     */
    private static void quietSpark() {
        URL config = SparkCommand.class.getResource("log4j2-tool.properties");
        if (System.getProperty("log4j2.configurationFile") == null && config != null) {
            System.setProperty("log4j2.configurationFile", config.toString());
        }
    }

    @Override
    public Integer call() throws IOException {
        Comparison.Settings settings = settings();
        Path dir = out != null ? out : Path.of("corebound-results",
                "spark-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        // Under spark-submit, spark.master is a system property: keep it unless --master says otherwise.
        String url = master != null ? master : System.getProperty("spark.master", "local[*]");
        SparkConf conf = SparkSetup.conf(url, "corebound spark").set("spark.ui.showConsoleProgress", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            SparkReport.Contents contents = run(sc, settings, System.out);
            List<Path> files = SparkReport.write(dir, contents);
            System.out.println("report: " + files.getLast());
            return contents.outcome().notes().stream().anyMatch(SparkCommand::failedCheck) ? 1 : 0;
        }
    }

    private Comparison.Settings settings() {
        if (n < 1 || block < 1 || iterations < 1 || grid < 1 || warmup < 0 || samples < 0) {
            throw new ParameterException(spec.commandLine(), "--n, --block, --iterations and --grid must be at least 1 "
                    + "and --warmup and --samples at least 0, but are " + n + ", " + block + ", " + iterations + ", "
                    + grid + ", " + warmup + " and " + samples);
        }
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new ParameterException(spec.commandLine(), "--n " + n + " is too large: the gemm's operands are Java "
                    + "arrays on the driver, at most 46340 x 46340");
        }
        return new Comparison.Settings(n, block, backend, warmup, iterations, samples, grid);
    }

    /** Measures on {@code sc} and gathers what the report needs; progress goes to {@code progress}. */
    static SparkReport.Contents run(JavaSparkContext sc, Comparison.Settings settings, PrintStream progress) {
        Map<String, String> facts = new LinkedHashMap<>(Machine.facts());
        facts.put("load average before", loadAverage());
        facts.put("spark", sc.version() + ", master " + sc.master() + ", " + sc.defaultParallelism() + " task slots");
        List<ExecutorCheck.Executor> executors = ExecutorCheck.probe(sc, settings.backend());
        facts.put("MLlib's BLAS (on the driver)", "netlib " + BLAS.getInstance().getClass().getSimpleName());
        facts.put("executors", executors.stream().map(ExecutorCheck.Executor::toString).collect(Collectors.joining("; ")));
        progress.println("corebound spark on " + sc.master() + ", " + sc.defaultParallelism() + " task slots");
        executors.forEach(e -> progress.println("  executor " + e));
        if (executors.stream().anyMatch(e -> !e.available())) {
            throw new IllegalStateException(settings.backend() + " cannot run on every executor: " + executors);
        }
        Comparison.Outcome outcome = Comparison.run(sc, settings, progress);
        facts.put("load average after", loadAverage());
        return new SparkReport.Contents(facts, settings.warmup(), settings.iterations(), outcome);
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f (1 minute, whole machine)", load);
    }

    private static boolean failedCheck(String note) {
        return note.contains("DIFFER") || note.contains("DISAGREE");
    }

    /** --version: the library's version, written once in the parent pom. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"corebound " + Corebound.version()};
        }
    }
}
