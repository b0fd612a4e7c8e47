package dev.corebound.bench.claims;

import java.util.Map;

/**
 * One interpreter's run of the notes' experiments, set beside the JVM's.
 *
 * @param label       a column title, e.g. "CPython 3.11" or "CPython 3.13t (free-threaded)"
 * @param description the interpreter, its lock, NumPy and the BLAS it runs, in a sentence
 * @param findings    what it measured, by claim number
 * @param document    the script's JSON document, as it printed it
 */
public record PythonRun(String label, String description, Map<Integer, Finding> findings, String document) {

    public PythonRun {
        findings = Map.copyOf(findings);
    }

    /**
     * One claim on this interpreter.
     *
     * @param figure     what was measured, in words (or why it was not)
     * @param verdict    what that says; null when nothing was measured
     * @param comparison where the JVM and this interpreter agree and where they differ
     */
    public record Finding(String figure, Verdict verdict, String comparison) {
    }
}
