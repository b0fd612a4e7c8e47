package dev.corebound.bench.cli;

import dev.corebound.bench.peak.Peak;
import dev.corebound.bench.plan.PlanEntry;
import dev.corebound.bench.plan.Plans;
import dev.corebound.bench.plan.Subject;
import dev.corebound.bench.python.CPythonScript;
import dev.corebound.bench.python.NumpyPeer;
import dev.corebound.bench.report.ReportFiles;
import dev.corebound.bench.report.Results;
import dev.corebound.bench.report.Row;
import dev.corebound.bench.runner.NumpyRuns;
import dev.corebound.bench.runner.PlanRunner;
import dev.corebound.bench.runner.PlanRunner.Settings;
import picocli.CommandLine.ArgGroup;
import dev.corebound.parallel.ProcessPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * {@code corebound compare}: runs a plan of JMH benchmarks (native against
 * pure Java, threads against processes, corebound against its peers), then
 * NumPy's gemm and dot in a Python child, and writes a results folder with
 * JSON, CSV, a Markdown report and charts.
 */
@Command(name = "compare", description = {
        "Runs a plan of JMH benchmarks, and NumPy's gemm and dot on python3 (skipped without it), and writes",
        "results.json, results.csv, report.md and charts (SVG and PNG).",
        "Ctrl-C stops cleanly and keeps what was measured so far."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static final class PlanChoice {
        @Option(names = "--quick", description = "The quick plan: about three and a half minutes on two cores (the default).")
        boolean quick;

        @Option(names = "--full", description = "The full plan: every size and worker count (260 measurements on two cores, roughly 40 minutes).")
        boolean full;
    }

    @ArgGroup(exclusive = true)
    PlanChoice plan = new PlanChoice();

    @Option(names = "--op", split = ",", paramLabel = "OP",
            description = "Only these operations: gemm, gemv, dot, axpy, monteCarloPi, mandelbrot, overhead.")
    List<String> ops;

    @Option(names = "--backend", split = ",", paramLabel = "NAME",
            description = "Only these backends, peers or baselines (JAVA_SCALAR, ..., ejml, ejml_mt, netlib_vector, "
                    + "netlib_java, numpy, numpy_tuned, naive_ikj).")
    List<String> backends;

    @Option(names = "--python", paramLabel = "PATH",
            description = "The Python interpreter NumPy runs on. Default: python3 on the PATH; without one, or "
                    + "without NumPy, NumPy's rows are skipped.")
    Path python;

    @Option(names = "--parallelism", split = ",", paramLabel = "P",
            description = "Only these parallelisms: a kind (serial, threads, processes, gil, nativeThreads) or an exact one (threads(2)).")
    List<String> parallelisms;

    @Option(names = "--size", split = ",", paramLabel = "N", description = "Only these sizes.")
    List<Long> sizes;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder (default: corebound-results/<date-time>).")
    Path out;

    @Option(names = "--forks", description = "JMH forks per measurement (default: the plan's).")
    Integer forks;

    @Option(names = "--warmup", description = "JMH warm-up iterations (default: the plan's, where Vector API and "
            + "worker-process measurements warm up for at least 2 seconds).")
    Integer warmup;

    @Option(names = "--iterations", description = "JMH measurement iterations (default: the plan's).")
    Integer iterations;

    @Option(names = "--time", paramLabel = "MILLIS", description = "Milliseconds per JMH iteration (default: the plan's).")
    Long millis;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Runs the whole plan N times, round after round, and reports each measurement's median "
                    + "and its spread (min and max) across the runs: on a shared, noisy host (default: ${DEFAULT-VALUE}).")
    int repeat;

    private static final Set<String> OPS = Set.of("gemm", "gemv", "dot", "axpy", "monteCarloPi", "mandelbrot", "overhead");
    private static final Set<String> FAMILIES = Set.of("serial", "threads", "processes", "gil", "nativeThreads", "virtualThreads");

    @Override
    public Integer call() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        String planName = plan.full ? "full" : "quick";
        List<PlanEntry> all = plan.full ? Plans.full(cores) : Plans.quick(cores);
        List<PlanEntry> entries = all.stream().filter(e -> selected(e.subject())).toList();
        List<Subject> numpy = Plans.numpy(all, cores).stream().filter(this::selected).toList();
        validateFilters();
        if (entries.isEmpty() && numpy.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "the filters leave nothing to run: the " + planName
                    + " plan has " + describe(all));
        }
        if (repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat must be at least 1, but is " + repeat);
        }
        Settings base = plan.full ? Settings.full() : Settings.quick();
        Settings settings = new Settings(forks != null ? forks : base.forks(),
                warmup != null ? warmup : base.warmupIterations(), warmup == null,
                iterations != null ? iterations : base.iterations(),
                millis != null ? Duration.ofMillis(millis) : base.iterationTime(), repeat);
        List<CPythonScript> interpreters;
        try {
            interpreters = CPythonScript.find(python == null ? List.of() : List.of(python), System.getenv("PATH"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir = out != null ? out : Main.defaultResultsFolder("");
        Files.createDirectories(dir);

        System.out.printf("corebound compare: %d measurements (%s plan)%s, results in %s%n",
                entries.size() + numpy.size(), planName, repeat > 1 ? ", each run " + repeat + " times" : "", dir);
        System.out.println("measuring this machine's peak...");
        ProcessPool.prepareWorkerArchive(); // so that building it does not compete with the measurements
        Peak peak = Peak.quick(cores);
        PlanRunner runner = new PlanRunner(peak, entries.size() + numpy.size(), settings.repeat());
        if (!numpy.isEmpty() && interpreters.isEmpty()) {
            String line = "NumPy: skipped, no python3 on the PATH (" + CPythonScript.INSTALL_HINT + ")";
            System.err.println(line);
            runner.notRunning(numpy, line);
        }
        AtomicBoolean written = new AtomicBoolean();
        Thread onInterrupt = Thread.ofPlatform().unstarted(() -> {
            if (written.compareAndSet(false, true)) {
                Results partial = runner.snapshot();
                writeQuietly(dir, partial);
                System.err.printf("%ninterrupted: %d of %d runs kept in %s%n", partial.runsMeasured(),
                        partial.planned() * settings.repeat(), dir);
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        boolean interactive = System.console() != null;
        if (!entries.isEmpty()) {
            runner.run(entries, settings, dir.resolve("jmh.log"), System.err, interactive);
        }
        if (!numpy.isEmpty() && !interpreters.isEmpty()) {
            // After JMH, not beside it: both would share the same cores.
            new NumpyRuns(new NumpyPeer(interpreters.get(0)), runner, System.err, interactive).run(numpy, repeat);
        }
        Results results = runner.snapshot();
        if (written.compareAndSet(false, true)) {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
            ReportFiles.write(dir, results);
        }
        summarize(results, dir);
        return results.failed().isEmpty() ? 0 : 1;
    }

    private boolean selected(Subject s) {
        return (ops == null || ops.contains(s.op()))
                && (backends == null || backends.contains(s.implementation()))
                && (parallelisms == null || parallelisms.contains(s.parallelism()) || parallelisms.contains(s.family()))
                && (sizes == null || sizes.contains(s.size()));
    }

    /** Names that can never match are mistakes: say what is allowed. */
    private void validateFilters() {
        check("--op", ops, OPS);
        check("--backend", backends, new TreeSet<>(Plans.implementations()));
        if (parallelisms != null) {
            for (String p : parallelisms) {
                if (!FAMILIES.contains(Subject.family(p))) {
                    throw new ParameterException(spec.commandLine(), "unknown parallelism '" + p + "'; allowed: "
                            + String.join(", ", new TreeSet<>(FAMILIES)) + ", optionally with a worker count such as threads(2)");
                }
            }
        }
    }

    private void check(String option, List<String> given, Set<String> allowed) {
        if (given == null) {
            return;
        }
        for (String g : given) {
            if (!allowed.contains(g)) {
                throw new ParameterException(spec.commandLine(), "unknown value '" + g + "' for " + option
                        + "; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private static String describe(List<PlanEntry> entries) {
        return "ops " + entries.stream().map(e -> e.subject().op()).collect(Collectors.toCollection(TreeSet::new))
                + " and sizes " + entries.stream().map(e -> e.subject().size()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void writeQuietly(Path dir, Results results) {
        try {
            ReportFiles.write(dir, results);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not write the results: " + e.getMessage());
        }
    }

    /** The headline figures on the terminal; the rest is in report.md. */
    private static void summarize(Results r, Path dir) {
        System.out.printf(Locale.ROOT, "%npeak: %.1f GFLOP/s on one core, %.1f on %d, memory %.1f GB/s%n",
                r.peak().gflopsOneCore(), r.peak().gflopsAllCores(), r.peak().cores(), r.peak().triadGBs());
        for (Row row : r.rows()) {
            Subject s = row.subject();
            String rate = s.memoryBound() ? String.format(Locale.ROOT, "%8.2f GB/s   ", row.gbs())
                    : Double.isFinite(row.gflops()) ? String.format(Locale.ROOT, "%8.2f GFLOP/s", row.gflops()) : "";
            String spread = row.runs() > 1 ? "  (" + ReportFiles.spread(row) + ")" : "";
            System.out.printf(Locale.ROOT, "  %-48s %12s  %s%s%n", s.label(), ReportFiles.time(row.secondsPerOp()), rate,
                    spread);
        }
        if (!r.failed().isEmpty()) {
            System.out.println("failed (see jmh.log): " + String.join("; ", r.failed()));
        }
        r.skipped().forEach(System.out::println);
        System.out.println("report: " + dir.resolve("report.md"));
    }
}
