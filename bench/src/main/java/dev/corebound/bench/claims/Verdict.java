package dev.corebound.bench.claims;

/** What an experiment says about a claim, on the JVM. */
public enum Verdict {
    HOLDS("holds"),
    DOES_NOT_HOLD("does not hold on the JVM"),
    HOLDS_ONLY_UNDER_GIL("holds only under gil(n)");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    @Override
    public String toString() {
        return words;
    }
}
