package dev.corebound.bench.report;

import dev.corebound.bench.peak.Peak;
import dev.corebound.bench.plan.Subject;
import org.openjdk.jmh.results.RunResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code compare} run measured.
 *
 * @param machine  facts about the machine
 * @param peak     its measured limits
 * @param rows     one per measured plan entry, in plan order
 * @param jmh      JMH's own results, for results.json
 * @param planned  how many entries the plan had (more than rows when the run was interrupted)
 * @param repeat   how many runs of each entry were planned ({@code compare --repeat})
 * @param failed   entries that ran but produced no result in some run (JMH's log says why)
 * @param skipped  lines that say what was left out of the plan and why (NumPy without Python, say)
 */
public record Results(Map<String, String> machine, Peak peak, List<Row> rows, List<RunResult> jmh, int planned,
                      int repeat, List<String> failed, List<String> skipped) {

    /** The row for a subject, if it was measured. */
    public Optional<Row> find(Subject s) {
        return rows.stream().filter(r -> r.subject().equals(s)).findFirst();
    }

    /** How many times faster than JAVA_SCALAR serial on the same operation and size; NaN without that row. */
    public double speedupOverScalar(Row row) {
        return speedupOver(row, "JAVA_SCALAR");
    }

    /** How many times faster than the same implementation serially; NaN without that row. */
    public double speedupOverSerial(Row row) {
        return speedupOver(row, row.subject().implementation());
    }

    /** How many times faster than {@code implementation} run serially on the same operation and size. */
    private double speedupOver(Row row, String implementation) {
        Subject s = row.subject();
        return find(new Subject(s.op(), implementation, "serial", s.size()))
                .map(base -> base.secondsPerOp() / row.secondsPerOp())
                .orElse(Double.NaN);
    }

    /**
     * Percent of the measured peak: FMA peak of the cores the run could use for
     * compute-bound operations, triad bandwidth for memory-bound ones; NaN otherwise.
     */
    public double percentOfPeak(Row row) {
        Subject s = row.subject();
        if (s.memoryBound()) {
            return 100 * row.gbs() / peak.triadGBs();
        }
        if (s.flops() > 0) {
            boolean oneCore = s.workers() == 1 && !s.implementation().equals("ejml_mt");
            return 100 * row.gflops() / (oneCore ? peak.gflopsOneCore() : peak.gflopsAllCores());
        }
        return Double.NaN;
    }

    /** Runs that produced a result, over every row. */
    public int runsMeasured() {
        return rows.stream().mapToInt(Row::runs).sum();
    }

    /** True when every planned run of every entry ran, whether or not it produced a result. */
    public boolean complete() {
        long finished = rows.stream().filter(r -> r.runs() == repeat || failed.contains(r.subject().label())).count();
        long neverMeasured = failed.stream().filter(f -> rows.stream().noneMatch(r -> r.subject().label().equals(f)))
                .count();
        return finished + neverMeasured == planned;
    }
}
