package dev.corebound.bench.claims;

/** What an experiment says about a claim, on the runtime it ran on. */
public enum Verdict {
    HOLDS("holds"),
    DOES_NOT_HOLD("does not hold"),
    HOLDS_ONLY_UNDER_GIL("holds only under gil(n)");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** HOLDS when the test passed, DOES_NOT_HOLD otherwise. */
    static Verdict of(boolean holds) {
        return holds ? HOLDS : DOES_NOT_HOLD;
    }

    @Override
    public String toString() {
        return words;
    }
}
