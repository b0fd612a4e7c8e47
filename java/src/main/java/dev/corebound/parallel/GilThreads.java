package dev.corebound.parallel;

import dev.corebound.internal.parallel.GilWorkers;

import java.time.Duration;

/**
 * A model of CPython's global interpreter lock (GIL): n threads that must
 * hold one lock to run Java arithmetic, handed over once the switch interval
 * has passed; native kernels and blocking I/O run with the lock released, as
 * NumPy's BLAS and CPython's socket calls release theirs. See the README's
 * section on parallelisms for what it models and what it does not.
 */
public final class GilThreads extends Parallelism {

    /** CPython's default switch interval. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    private final GilWorkers gil;

    GilThreads(int threads, Duration switchInterval) {
        this(new GilWorkers(requirePositive("gil", threads), requirePositive(switchInterval)));
    }

    private GilThreads(GilWorkers gil) {
        super(gil);
        this.gil = gil;
    }

    private static Duration requirePositive(Duration switchInterval) {
        if (switchInterval.isNegative() || switchInterval.isZero()) {
            throw new IllegalArgumentException("gil: the switch interval must be positive, but is " + switchInterval);
        }
        return switchInterval;
    }

    /** The most threads that ever held the lock at once: 1, unless the model is broken. */
    public int maxConcurrentHolders() {
        return gil.maxConcurrentHolders();
    }

    /** How many times a holder handed the lock to a waiting thread. */
    public int switches() {
        return gil.switches();
    }
}
