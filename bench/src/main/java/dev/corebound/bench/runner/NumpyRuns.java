package dev.corebound.bench.runner;

import dev.corebound.bench.plan.Subject;
import dev.corebound.bench.python.NumpyPeer;
import dev.corebound.bench.python.NumpyPeer.Run;
import dev.corebound.internal.loader.OpenBlasTuning;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Takes a compare run's NumPy measurements, one Python child at a time (never
 * beside a JMH fork: the machine's cores are the measurement), and puts them
 * in the runner's rows. One child times one operation at every size, on one
 * thread count, as is or tuned. The tuning is decided from the core NumPy's
 * OpenBLAS ran as is, as corebound decides it for its own OpenBLAS.
 */
public final class NumpyRuns {

    private final NumpyPeer peer;
    private final PlanRunner into;
    private final PrintStream terminal;
    private final boolean interactive;

    /** What the runs learnt, for the report's facts. */
    private Run asIs;
    private Run tuned;
    private OpenBlasTuning.Decision tuning;
    /** Threads asked for -> threads OpenBLAS reported in effect (empty when it could not say). */
    private final Map<Integer, Optional<Integer>> threads = new TreeMap<>();

    public NumpyRuns(NumpyPeer peer, PlanRunner into, PrintStream terminal, boolean interactive) {
        this.peer = peer;
        this.into = into;
        this.terminal = terminal;
        this.interactive = interactive;
    }

    /** The subjects one child measures: an operation, a variant and a thread count at every size. */
    private record Group(String op, String variant, String parallelism, List<Subject> subjects) {
        List<Long> sizes() {
            return subjects.stream().map(Subject::size).toList();
        }

        String label() {
            return op + " " + variant + " " + parallelism + " n="
                    + sizes().stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    /** Measures {@code subjects} (of {@link NumpyPeer#AS_IS} and {@link NumpyPeer#TUNED}) {@code repeat} times. */
    public void run(List<Subject> subjects, int repeat) {
        List<Group> groups = groups(subjects);
        boolean probe = groups.stream().noneMatch(g -> g.variant().equals(NumpyPeer.AS_IS));
        ProgressLine progress = new ProgressLine(terminal, interactive, groups.size() * repeat + (probe ? 1 : 0));
        int step = 0;
        try {
            if (probe) {
                progress.step(step++, "NumPy as the environment leaves it, to learn its OpenBLAS core");
                if (!learn(peer.asIs("dot", List.of(16L), 1), subjects)) {
                    return;
                }
            }
            for (int round = 0; round < repeat; round++) {
                for (Group g : groups) {
                    boolean variantAsIs = g.variant().equals(NumpyPeer.AS_IS);
                    if (!variantAsIs && !tuning.changes()) {
                        continue;
                    }
                    progress.step(step++, g.label() + (repeat > 1 ? " (run " + (round + 1) + " of " + repeat + ")" : ""));
                    int t = Subject.workers(g.parallelism());
                    Run run = variantAsIs ? peer.asIs(g.op(), g.sizes(), t) : peer.tuned(tuning, g.op(), g.sizes(), t);
                    if (!learn(run, subjects)) {
                        return;
                    }
                    threads.put(t, run.threadsInEffect());
                    if (variantAsIs) {
                        asIs = run;
                    } else {
                        tuned = run;
                    }
                    for (Subject s : g.subjects()) {
                        into.record(s, run.medianSeconds().get(s.size()));
                    }
                }
            }
            into.fact("numpy", facts());
        } catch (IOException e) {
            skip(subjects.stream().filter(s -> into.snapshot().find(s).isEmpty()).toList(),
                    "NumPy: " + peer.python().interpreter() + " failed: " + e.getMessage());
        } finally {
            progress.finish();
        }
    }

    /**
     * Takes in what a run says about NumPy: false when NumPy is missing (every
     * subject is then skipped); the tuning, from the first run's core.
     */
    private boolean learn(Run run, List<Subject> subjects) {
        if (run.skipped().isPresent()) {
            skip(subjects, "NumPy: skipped, " + run.skipped().get());
            return false;
        }
        if (tuning == null) {
            asIs = run;
            tuning = NumpyPeer.tuning(run.core());
            List<Subject> tunedSubjects = subjects.stream().filter(s -> s.implementation().equals(NumpyPeer.TUNED)).toList();
            if (!tuning.changes() && !tunedSubjects.isEmpty()) {
                skip(tunedSubjects, NumpyPeer.TUNED + ": not run, nothing to tune: " + tuning.reason());
            }
        }
        return true;
    }

    private void skip(List<Subject> subjects, String why) {
        terminal.println(why);
        into.notRunning(subjects, why);
    }

    /**
     * "NumPy 2.4.6 on scipy-openblas 0.3.31 (CPython 3.11.7); as the environment
     * leaves it (OPENBLAS_CORETYPE=Haswell, ...): Haswell kernels; tuned (...):
     * SkylakeX kernels; OpenBLAS threads 1 and 2".
     */
    private String facts() {
        String text = asIs.numpy() + "; as the environment leaves it (" + asIs.environment() + "): " + asIs.core()
                + " kernels; tuned" + (tuned != null ? " (" + tuned.environment() + ", for the Python child only): "
                + tuned.core() + " kernels" : ": " + (tuning.changes() ? "not measured" : "nothing to tune, " + tuning.reason()));
        List<String> counts = new ArrayList<>();
        threads.forEach((asked, inEffect) -> counts.add(asked + inEffect.filter(n -> !n.equals(asked))
                .map(n -> " (OpenBLAS ran " + n + ")").orElse(inEffect.isEmpty() ? " (not confirmed by OpenBLAS)" : "")));
        return counts.isEmpty() ? text : text + "; OpenBLAS threads " + String.join(" and ", counts);
    }

    /** As-is groups first (they decide the tuning), then by operation and thread count. */
    private static List<Group> groups(List<Subject> subjects) {
        Map<List<String>, List<Subject>> byGroup = new LinkedHashMap<>();
        subjects.stream().sorted(Comparator.comparing((Subject s) -> !s.implementation().equals(NumpyPeer.AS_IS))
                        .thenComparing(Subject::op).thenComparingInt(Subject::workers).thenComparingLong(Subject::size))
                .forEach(s -> byGroup.computeIfAbsent(List.of(s.op(), s.implementation(), s.parallelism()),
                        k -> new ArrayList<>()).add(s));
        return byGroup.entrySet().stream().map(e -> new Group(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2),
                e.getValue())).toList();
    }
}
