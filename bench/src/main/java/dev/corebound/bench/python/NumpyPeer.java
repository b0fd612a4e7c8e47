package dev.corebound.bench.python;

import dev.corebound.Platform;
import dev.corebound.internal.loader.OpenBlasLibrary;
import dev.corebound.internal.loader.OpenBlasTuning;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * NumPy as a peer in {@code compare}: its dgemm and ddot timed by the CPython
 * script in a child process, once with OpenBLAS as the environment leaves it
 * ({@code numpy}) and once tuned the way corebound tunes its own OpenBLAS
 * ({@code numpy_tuned}: {@code OPENBLAS_CORETYPE} set to the widest core this
 * CPU runs, {@code OPENBLAS_L2_SIZE} unset, for the child only). Each run
 * reports the core its OpenBLAS actually ran.
 */
public final class NumpyPeer {

    /** As the environment leaves NumPy's OpenBLAS. */
    public static final String AS_IS = "numpy";
    /** With NumPy's OpenBLAS tuned for this CPU. */
    public static final String TUNED = "numpy_tuned";
    /** Pinned for older OpenBLAS builds that misread this CPU's cache; a current build measures it itself. */
    private static final String L2_SIZE_ENV = "OPENBLAS_L2_SIZE";

    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final CPythonScript python;

    public NumpyPeer(CPythonScript python) {
        this.python = python;
    }

    public CPythonScript python() {
        return python;
    }

    /**
     * One child's timings of one operation at one thread count, or why there are none.
     *
     * @param skipped         why NumPy did not run (not installed, cannot be imported); empty when it ran
     * @param numpy           "NumPy 2.4.6 on scipy-openblas 0.3.31" with the Python it ran on
     * @param core            the OpenBLAS core type that ran, {@code unknown} when NumPy's BLAS is not OpenBLAS
     * @param environment     the OpenBLAS variables as the child saw them, "NAME=value" or "NAME unset"
     * @param threadsInEffect OpenBLAS's threads during the run; empty when the script could not set them
     * @param medianSeconds   size -> median seconds per call, in the order given
     */
    public record Run(Optional<String> skipped, String numpy, String core, String environment,
                      Optional<Integer> threadsInEffect, Map<Long, Double> medianSeconds) {
    }

    /** Times {@code op} ("gemm" or "dot") at {@code sizes} on {@code threads} OpenBLAS threads, as is. */
    public Run asIs(String op, List<Long> sizes, int threads) throws IOException {
        return run(Map.of(), op, sizes, threads);
    }

    /**
     * What corebound would do to an OpenBLAS that runs {@code asIsCore} on this
     * CPU: the tuned run sets {@link OpenBlasTuning.Decision#coreType()} when
     * the decision {@link OpenBlasTuning.Decision#changes() changes} the core,
     * and there is nothing to tune otherwise.
     */
    public static OpenBlasTuning.Decision tuning(String asIsCore) {
        Platform p = Platform.current();
        return OpenBlasTuning.decide(p.arch(), p.cpuFeatures(), asIsCore);
    }

    /** The same as {@link #asIs}, with the core type of a decision that changes it. */
    public Run tuned(OpenBlasTuning.Decision decision, String op, List<Long> sizes, int threads) throws IOException {
        if (!decision.changes()) {
            throw new IllegalArgumentException("nothing to tune: " + decision.reason());
        }
        Map<String, String> environment = new HashMap<>();
        environment.put(OpenBlasLibrary.CORETYPE_ENV, decision.coreType());
        environment.put(L2_SIZE_ENV, null);
        return run(environment, op, sizes, threads);
    }

    private Run run(Map<String, String> environment, String op, List<Long> sizes, int threads) throws IOException {
        JsonNode doc = python.run(environment, TIMEOUT, "numpy", "--op", op, "--sizes",
                sizes.stream().map(String::valueOf).collect(Collectors.joining(",")), "--threads",
                Integer.toString(threads)).document();
        JsonNode interpreter = doc.get("python");
        String on = interpreter.get("implementation").text() + " " + interpreter.get("version").text();
        if (doc.has("skipped")) {
            return new Run(Optional.of(doc.get("skipped").text() + " (" + on + ")"), "", "", "", Optional.empty(),
                    Map.of());
        }
        JsonNode numpy = doc.get("numpy");
        JsonNode seen = numpy.get("environment");
        String variables = List.of(OpenBlasLibrary.CORETYPE_ENV, L2_SIZE_ENV).stream()
                .map(k -> seen.get(k).isNull() ? k + " unset" : k + "=" + seen.get(k).text())
                .collect(Collectors.joining(", "));
        JsonNode inEffect = doc.get("threads_in_effect");
        Map<Long, Double> seconds = new LinkedHashMap<>();
        for (JsonNode r : doc.get("results").list()) {
            seconds.put(r.get("n").integer(), r.get("median_seconds").number());
        }
        String description = "NumPy " + numpy.get("version").text() + " on " + numpy.get("build_blas").text()
                + " (" + on + ")";
        return new Run(Optional.empty(), description, numpy.get("openblas").get("corename").text(), variables,
                inEffect.isNull() ? Optional.empty() : Optional.of((int) inEffect.integer()), seconds);
    }
}
