package dev.corebound.bench.report;

import dev.corebound.bench.plan.Subject;

import java.util.List;

/**
 * One measured plan entry: JMH's average time per call in each run of it, and
 * the rates the median implies. A run is one JMH run of the entry (its forks
 * and iterations); {@code compare --repeat N} runs every entry N times, round
 * after round, so that a burst of load on a shared host falls on one run of
 * each entry rather than on every run of one.
 *
 * @param subject       what was measured
 * @param runSeconds    each run's score, in seconds per call, in the order they ran
 * @param errorSeconds  with one run, JMH's 99.9% confidence half-width, same unit; NaN otherwise (or when too
 *                      few iterations)
 */
public record Row(Subject subject, List<Double> runSeconds, double errorSeconds) {

    public Row {
        if (runSeconds.isEmpty()) {
            throw new IllegalArgumentException(subject.label() + ": a row needs at least one run");
        }
        runSeconds = List.copyOf(runSeconds);
    }

    /** The median run's seconds per call (the mean of the middle two for an even count). */
    public double secondsPerOp() {
        List<Double> sorted = runSeconds.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    public double minSeconds() {
        return runSeconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    public double maxSeconds() {
        return runSeconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    public int runs() {
        return runSeconds.size();
    }

    /** GFLOP/s, or NaN where flops are not the measure. */
    public double gflops() {
        return subject.flops() > 0 ? subject.flops() / secondsPerOp() / 1e9 : Double.NaN;
    }

    /** GB/s of the operation's minimum memory traffic, or NaN where bandwidth is not the measure. */
    public double gbs() {
        return subject.bytes() > 0 ? subject.bytes() / secondsPerOp() / 1e9 : Double.NaN;
    }
}
