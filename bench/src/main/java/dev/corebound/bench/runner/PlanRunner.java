package dev.corebound.bench.runner;

import dev.corebound.bench.peak.Peak;
import dev.corebound.bench.plan.PlanEntry;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a plan through JMH, one entry (one fork or more) at a time, keeping
 * every result as it arrives so that an interrupted run still has what it
 * measured.
 */
public final class PlanRunner {

    /** How long JMH measures each entry. */
    public record Settings(int forks, int warmupIterations, int iterations, Duration iterationTime) {
        public static Settings quick() {
            return new Settings(1, 2, 3, Duration.ofMillis(300));
        }

        public static Settings full() {
            return new Settings(1, 3, 5, Duration.ofSeconds(1));
        }
    }

    private final List<Row> rows = Collections.synchronizedList(new ArrayList<>());
    private final List<RunResult> jmh = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> machine = Machine.facts();
    private final Peak peak;
    private final int planned;

    public PlanRunner(Peak peak, int planned) {
        this.peak = peak;
        this.planned = planned;
    }

    /**
     * Runs every entry; JMH's own output goes to {@code log}, a progress line to {@code terminal}.
     * Returns the results, which {@link #snapshot()} can also give while it runs.
     */
    public Results run(List<PlanEntry> plan, Settings settings, Path log, PrintStream terminal, boolean interactive)
            throws IOException {
        try (PrintStream logStream = new PrintStream(new FileOutputStream(log.toFile(), true), true, StandardCharsets.UTF_8)) {
            Progress progress = new Progress(OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL),
                    new ProgressLine(terminal, interactive, plan.size()));
            for (int i = 0; i < plan.size(); i++) {
                PlanEntry entry = plan.get(i);
                progress.starting(i, entry.subject().label());
                Collection<RunResult> results = runOne(entry, settings, progress);
                if (results.isEmpty()) {
                    failures.add(entry.subject().label());
                    continue;
                }
                RunResult result = results.iterator().next();
                Result<?> primary = result.getPrimaryResult();
                double toSeconds = secondsPer(primary.getScoreUnit());
                jmh.add(result);
                rows.add(new Row(entry.subject(), primary.getScore() * toSeconds, primary.getScoreError() * toSeconds));
            }
            progress.finished();
        }
        return snapshot();
    }

    /** What has been measured so far. */
    public Results snapshot() {
        synchronized (rows) {
            return new Results(machine, peak, List.copyOf(rows), List.copyOf(jmh), planned, List.copyOf(failures));
        }
    }

    private static Collection<RunResult> runOne(PlanEntry entry, Settings s, Progress progress) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(entry.benchmark()) + "$")
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .forks(s.forks())
                .warmupIterations(s.warmupIterations())
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
