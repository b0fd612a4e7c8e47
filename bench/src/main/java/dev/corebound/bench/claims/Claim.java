package dev.corebound.bench.claims;

import java.util.Map;

/**
 * One statement of the notes corebound grew from, put to the test on the JVM.
 *
 * @param number     its place in the report, 1 to 10
 * @param statement  the claim, as the notes make it (in corebound's words)
 * @param experiment what was run to test it
 * @param figure     what was measured here, in words
 * @param verdict    what that says
 * @param why        one sentence of why
 * @param measured   the figures behind the words, by name (seconds, bytes, speedups), for claims.json and for
 *                   setting CPython's figures beside them
 */
public record Claim(int number, String statement, String experiment, String figure, Verdict verdict, String why,
                    Map<String, Double> measured) {

    public Claim {
        measured = Map.copyOf(measured);
    }

    /** A claim whose figures are only in its words. */
    public Claim(int number, String statement, String experiment, String figure, Verdict verdict, String why) {
        this(number, statement, experiment, figure, verdict, why, Map.of());
    }

    /** A measured figure, or NaN when this claim's experiment does not give it. */
    public double measured(String name) {
        return measured.getOrDefault(name, Double.NaN);
    }
}
