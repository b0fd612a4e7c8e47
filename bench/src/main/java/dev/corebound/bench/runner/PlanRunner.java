package dev.corebound.bench.runner;

import dev.corebound.bench.peak.Peak;
import dev.corebound.bench.plan.PlanEntry;
import dev.corebound.bench.plan.Subject;
import dev.corebound.bench.report.Machine;
import dev.corebound.bench.report.Results;
import dev.corebound.bench.report.Row;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a plan through JMH, one entry (one fork or more) at a time, keeping
 * every result as it arrives so that an interrupted run still has what it
 * measured. With {@code repeat} above 1 the whole plan runs that many times,
 * round after round, and each entry keeps every round's score. Measurements
 * taken outside JMH (NumPy's, in a Python child) join the same rows through
 * {@link #record}.
 */
public final class PlanRunner {

    /**
     * How long JMH measures each entry, and how many times the plan runs.
     *
     * @param warmupFloors true to give entries at least their {@link PlanEntry#minWarmup()}; false when the user
     *                     named the warm-up
     * @param repeat       runs of the whole plan; each row reports the median and the spread of its runs
     */
    public record Settings(int forks, int warmupIterations, boolean warmupFloors, int iterations,
                           Duration iterationTime, int repeat) {
        public Settings {
            if (repeat < 1) {
                throw new IllegalArgumentException("repeat must be at least 1, but is " + repeat);
            }
        }

        public static Settings quick() {
            return new Settings(1, 2, true, 3, Duration.ofMillis(300), 1);
        }

        public static Settings full() {
            return new Settings(1, 3, true, 5, Duration.ofSeconds(1), 1);
        }
    }

    /** Each subject's scores so far, in seconds per call, in the order measured. */
    private final Map<Subject, List<Double>> seconds = Collections.synchronizedMap(new LinkedHashMap<>());
    /** JMH's error of each entry's first run, used while it has only that one. */
    private final Map<Subject, Double> firstError = Collections.synchronizedMap(new HashMap<>());
    private final List<RunResult> jmh = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> failures = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Map<String, String> machine = Collections.synchronizedMap(Machine.facts());
    private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    private final Peak peak;
    private volatile int planned;
    private final int repeat;

    /** A runner for {@code planned} measurements (JMH entries and others), each run {@code repeat} times. */
    public PlanRunner(Peak peak, int planned, int repeat) {
        this.peak = peak;
        this.planned = planned;
        this.repeat = repeat;
    }

    /**
     * Runs every entry; JMH's own output goes to {@code log} (replaced: a folder holds one run), a progress line to {@code terminal}.
     * Returns the results, which {@link #snapshot()} can also give while it runs.
     */
    public Results run(List<PlanEntry> plan, Settings settings, Path log, PrintStream terminal, boolean interactive)
            throws IOException {
        try (PrintStream logStream = new PrintStream(new FileOutputStream(log.toFile()), true, StandardCharsets.UTF_8)) {
            Progress progress = new Progress(OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL),
                    new ProgressLine(terminal, interactive, plan.size() * settings.repeat()));
            for (int round = 0; round < settings.repeat(); round++) {
                for (int i = 0; i < plan.size(); i++) {
                    PlanEntry entry = plan.get(i);
                    String label = entry.subject().label();
                    progress.starting(round * plan.size() + i,
                            settings.repeat() > 1 ? label + " (run " + (round + 1) + " of " + settings.repeat() + ")" : label);
                    Collection<RunResult> results = runOne(entry, settings, progress);
                    if (results.isEmpty()) {
                        failures.add(label);
                        continue;
                    }
                    RunResult result = results.iterator().next();
                    Result<?> primary = result.getPrimaryResult();
                    double toSeconds = secondsPer(primary.getScoreUnit());
                    jmh.add(result);
                    firstError.putIfAbsent(entry.subject(), primary.getScoreError() * toSeconds);
                    record(entry.subject(), primary.getScore() * toSeconds);
                }
            }
            progress.finished();
        }
        return snapshot();
    }

    /** One run's seconds per call of a subject, whoever measured it. */
    public void record(Subject subject, double secondsPerCall) {
        seconds.computeIfAbsent(subject, e -> Collections.synchronizedList(new ArrayList<>())).add(secondsPerCall);
    }

    /**
     * Planned measurements that will not be taken, and the line that says
     * why: the report lists the line, and the run is complete without them.
     */
    public void notRunning(List<Subject> subjects, String why) {
        planned -= subjects.size();
        skipped.add(why);
    }

    /** A fact about the machine or software for the report, after those {@link Machine} gives. */
    public void fact(String name, String value) {
        machine.put(name, value);
    }

    /** What has been measured so far: a row per entry with at least one run, in plan order. */
    public Results snapshot() {
        List<Row> rows = new ArrayList<>();
        synchronized (seconds) {
            seconds.forEach((subject, runs) -> {
                List<Double> copy = List.copyOf(runs);
                rows.add(new Row(subject, copy, copy.size() == 1 ? firstError.getOrDefault(subject, Double.NaN) : Double.NaN));
            });
        }
        Map<String, String> facts;
        synchronized (machine) {
            facts = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
        }
        synchronized (failures) {
            return new Results(facts, peak, rows, List.copyOf(jmh), planned, repeat, List.copyOf(failures),
                    List.copyOf(skipped));
        }
    }

    private static Collection<RunResult> runOne(PlanEntry entry, Settings s, Progress progress) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(entry.benchmark()) + "$")
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .forks(s.forks())
                .warmupIterations(warmupIterations(entry, s))
                .warmupTime(TimeValue.milliseconds(s.iterationTime().toMillis()))
                .measurementIterations(s.iterations())
                .measurementTime(TimeValue.milliseconds(s.iterationTime().toMillis()))
                .jvmArgs(entry.jvmArgs().toArray(String[]::new))
                .shouldFailOnError(false);
        entry.params().forEach(options::param);
        try {
            return new Runner(options.build(), progress).run();
        } catch (RunnerException e) {
            progress.println("failed: " + entry.subject().label() + ": " + e.getMessage());
            return List.of();
        }
    }

    /** The settings' warm-up iterations, or more when the entry needs a longer warm-up than they give. */
    static int warmupIterations(PlanEntry entry, Settings s) {
        if (!s.warmupFloors()) {
            return s.warmupIterations();
        }
        long iterationNanos = Math.max(1, s.iterationTime().toNanos());
        int floor = (int) Math.ceilDiv(entry.minWarmup().toNanos(), iterationNanos);
        return Math.max(s.warmupIterations(), floor);
    }

    /** Seconds per unit of a JMH score unit such as "ns/op". */
    private static double secondsPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-9;
            case "us/op" -> 1e-6;
            case "ms/op" -> 1e-3;
            case "s/op" -> 1;
            default -> throw new IllegalStateException("unexpected JMH unit " + unit);
        };
    }
}
