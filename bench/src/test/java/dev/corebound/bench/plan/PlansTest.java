package dev.corebound.bench.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plans measure what the project's targets name. */
class PlansTest {

    private static Set<String> gemmParallelisms(List<PlanEntry> plan, String backend, long n) {
        return plan.stream().map(PlanEntry::subject)
                .filter(s -> s.op().equals("gemm") && s.implementation().equals(backend) && s.size() == n)
                .map(Subject::parallelism).collect(Collectors.toSet());
    }

    @Test
    void theFullPlanRunsGemmOfOwnKernelsAndOpenBlasUnderEveryParallelism() {
        List<PlanEntry> plan = Plans.full(2);
        for (long n : new long[]{1024, 2048}) {
            assertEquals(Set.of("serial", "threads(1)", "threads(2)", "processes(1)", "processes(2)", "gil(1)", "gil(2)"),
                    gemmParallelisms(plan, "JAVA_VECTOR", n), "JAVA_VECTOR n=" + n);
            for (String backend : List.of("NATIVE", "OPENBLAS", "OPENBLAS_JNI")) {
                assertEquals(Set.of("serial", "threads(1)", "threads(2)", "processes(1)", "processes(2)", "gil(1)",
                        "gil(2)", "nativeThreads(1)", "nativeThreads(2)"), gemmParallelisms(plan, backend, n),
                        backend + " n=" + n);
            }
        }
    }

    @Test
    void virtualThreadsCountAsOneWorkerPerCore() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, Subject.workers("virtualThreads"));
        assertEquals(3, Subject.workers("threads(3)"));
        assertEquals(1, Subject.workers("serial"));
    }

    @Test
    void theFullPlanRunsSmallProductsForCallCosts() {
        List<PlanEntry> plan = Plans.full(2);
        for (String backend : List.of("JAVA_SCALAR", "JAVA_VECTOR", "NATIVE", "OPENBLAS", "OPENBLAS_JNI")) {
            for (long n : new long[]{16, 32, 64, 128}) {
                assertTrue(gemmParallelisms(plan, backend, n).contains("serial"), backend + " n=" + n);
            }
        }
    }

    @Test
    void vectorApiAndWorkerProcessesWarmUpLonger() {
        for (PlanEntry e : Plans.quick(2)) {
            Subject s = e.subject();
            boolean slow = s.implementation().equals("JAVA_VECTOR") || s.implementation().equals("netlib_vector")
                    || s.family().equals("processes");
            assertEquals(slow, e.minWarmup().toSeconds() >= 2, s.label() + " warms up for " + e.minWarmup());
        }
    }

    @Test
    void theQuickPlanComparesTwoWorkersOfOwnKernelsAndOpenBlas() {
        List<PlanEntry> plan = Plans.quick(2);
        for (String backend : List.of("JAVA_VECTOR", "NATIVE", "OPENBLAS")) {
            Set<String> p = gemmParallelisms(plan, backend, 1024);
            assertTrue(p.containsAll(Set.of("serial", "threads(2)", "processes(2)")), backend + ": " + p);
        }
        assertTrue(gemmParallelisms(plan, "OPENBLAS", 1024).contains("nativeThreads(2)"));
        assertEquals(plan.size(), plan.stream().distinct().count(), "each entry once");
    }

    @Test
    void numpyRunsGemmAndDotAtThePlansSizesOnOneAndOnEveryThreadAsIsAndTuned() {
        List<Subject> numpy = Plans.numpy(Plans.quick(2), 2);
        for (String variant : List.of("numpy", "numpy_tuned")) {
            assertTrue(Plans.implementations().contains(variant), variant);
            for (String parallelism : List.of("serial", "nativeThreads(2)")) {
                assertEquals(Set.of(128L, 512L, 1024L), sizes(numpy, "gemm", variant, parallelism), variant + parallelism);
                assertEquals(Set.of(1_000L, 1_000_000L), sizes(numpy, "dot", variant, parallelism), variant + parallelism);
            }
        }
        assertEquals(2 * 2 * (3 + 2), numpy.size(), "nothing else: " + numpy);
        assertEquals(Set.of(16L, 32L, 64L, 128L, 256L, 512L, 1024L, 2048L),
                sizes(Plans.numpy(Plans.full(2), 2), "gemm", "numpy", "serial"));
        assertEquals(Set.of("serial"), Plans.numpy(Plans.quick(1), 1).stream().map(Subject::parallelism)
                .collect(Collectors.toSet()), "one core: no threads to add");
    }

    private static Set<Long> sizes(List<Subject> subjects, String op, String implementation, String parallelism) {
        return subjects.stream().filter(s -> s.op().equals(op) && s.implementation().equals(implementation)
                && s.parallelism().equals(parallelism)).map(Subject::size).collect(Collectors.toSet());
    }
}
