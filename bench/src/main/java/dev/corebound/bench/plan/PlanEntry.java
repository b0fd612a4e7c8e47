package dev.corebound.bench.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One JMH run: a benchmark method, its parameters, the flags of its forked
 * JVM, the subject it measures and how long it must warm up at least.
 *
 * @param benchmark the JMH benchmark's full name, class and method
 * @param params    JMH parameter values
 * @param jvmArgs   the forked JVM's flags (every fork gets these, not the host's)
 * @param subject   what is measured
 * @param minWarmup the least warm-up time, whatever the settings say (see {@link Plans#warmupFloor})
 */
public record PlanEntry(String benchmark, Map<String, String> params, List<String> jvmArgs, Subject subject,
                        Duration minWarmup) {
}
