package dev.corebound.bench.python;

import dev.corebound.Platform;
import dev.corebound.internal.loader.OpenBlasLibrary;
import dev.corebound.internal.loader.OpenBlasTuning;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * NumPy as a peer in {@code compare}: its dgemm and ddot timed by the CPython
 * script in a child process, once with OpenBLAS as the environment leaves it
 * ({@code numpy}) and once tuned the way corebound tunes its own OpenBLAS
 * ({@code numpy_tuned}: {@code OPENBLAS_CORETYPE} set to the widest core this
 * CPU runs, {@code OPENBLAS_L2_SIZE} unset, for the child only). Each variant
 * reports the core its OpenBLAS actually ran.
 */
public final class NumpyPeer {

    /** As the environment leaves NumPy's OpenBLAS. */
    public static final String AS_IS = "numpy";
    /** With NumPy's OpenBLAS tuned for this CPU. */
    public static final String TUNED = "numpy_tuned";

    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final CPythonScript python;

    public NumpyPeer(CPythonScript python) {
        this.python = python;
    }

    /**
     * One size's timing.
     *
     * @param variant {@link #AS_IS} or {@link #TUNED}
     * @param seconds the median seconds per call
     * @param core    the OpenBLAS core type that ran it
     */
    public record Timing(String op, String variant, int threads, long n, double seconds, String core) {
    }

    /** The outcome of one variant at one thread count: its timings, or why there are none. */
    public record Run(List<Timing> timings, Optional<String> skipped, String description) {
    }

    /**
     * Times {@code op} ("gemm" or "dot") at {@code sizes} on {@code threads}
     * OpenBLAS threads, as the environment leaves OpenBLAS.
     */
    public Run asIs(String op, List<Long> sizes, int threads) throws IOException {
        return run(AS_IS, Map.of(), op, sizes, threads);
    }

    /**
     * The same, tuned: empty when NumPy's OpenBLAS runs the widest core already
     * (the as-is figures are then the tuned ones), given the core it ran as is.
     */
    public Optional<Run> tuned(String op, List<Long> sizes, int threads, String asIsCore) throws IOException {
        Platform p = Platform.current();
        OpenBlasTuning.Decision d = OpenBlasTuning.decide(p.arch(), p.cpuFeatures(), asIsCore);
        if (!d.changes()) {
            return Optional.empty();
        }
        Map<String, String> environment = new HashMap<>();
        environment.put(OpenBlasLibrary.CORETYPE_ENV, d.coreType());
        environment.put("OPENBLAS_L2_SIZE", null);
        return Optional.of(run(TUNED, environment, op, sizes, threads));
    }

    private Run run(String variant, Map<String, String> environment, String op, List<Long> sizes, int threads)
            throws IOException {
        JsonNode doc = python.run(environment, TIMEOUT, "numpy", "--op", op, "--sizes",
                sizes.stream().map(String::valueOf).collect(Collectors.joining(",")), "--threads",
                Integer.toString(threads)).document();
        if (doc.has("skipped")) {
            return new Run(List.of(), Optional.of(doc.get("skipped").text()), "");
        }
        JsonNode numpy = doc.get("numpy");
        String core = numpy.get("openblas").get("corename").text();
        List<Timing> timings = new ArrayList<>();
        for (JsonNode r : doc.get("results").list()) {
            timings.add(new Timing(op, variant, threads, r.get("n").integer(), r.get("median_seconds").number(), core));
        }
        String description = "NumPy " + numpy.get("version").text() + " on " + numpy.get("build_blas").text()
                + ", " + core + " kernels";
        return new Run(timings, Optional.empty(), description);
    }
}
