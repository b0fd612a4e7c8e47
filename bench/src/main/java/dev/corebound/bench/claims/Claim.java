package dev.corebound.bench.claims;

/**
 * One statement of the notes corebound grew from, put to the test.
 *
 * @param number     its place in the report, 1 to 10
 * @param statement  the claim, as the notes make it (in corebound's words)
 * @param experiment what was run to test it
 * @param figure     what was measured here
 * @param verdict    what that says
 * @param why        one sentence of why
 */
public record Claim(int number, String statement, String experiment, String figure, Verdict verdict, String why) {
}
