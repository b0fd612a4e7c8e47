package dev.corebound.bench.report;

import dev.corebound.bench.plan.Subject;

/**
 * One measured result: JMH's average time per call, and the rates it implies.
 *
 * @param subject       what was measured
 * @param secondsPerOp  JMH's score, converted to seconds per call
 * @param errorSeconds  JMH's 99.9% confidence half-width, same unit (NaN when too few iterations)
 */
public record Row(Subject subject, double secondsPerOp, double errorSeconds) {

    /** GFLOP/s, or NaN where flops are not the measure. */
    public double gflops() {
        return subject.flops() > 0 ? subject.flops() / secondsPerOp / 1e9 : Double.NaN;
    }

    /** GB/s of the operation's minimum memory traffic, or NaN where bandwidth is not the measure. */
    public double gbs() {
        return subject.bytes() > 0 ? subject.bytes() / secondsPerOp / 1e9 : Double.NaN;
    }
}
