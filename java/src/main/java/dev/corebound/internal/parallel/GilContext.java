package dev.corebound.internal.parallel;

import java.util.function.DoubleSupplier;

/**
 * What a task does around its arithmetic so that gil(n) can model CPython's
 * global interpreter lock; under every other parallelism it does nothing.
 * Java arithmetic holds the lock and offers to hand it over between chunks;
 * native calls and blocking I/O run with the lock released.
 */
public interface GilContext {

    /** No lock: the context of serial, threads, processes and native threads. */
    GilContext NONE = new GilContext() {
        @Override
        public boolean chunked() {
            return false;
        }

        @Override
        public void switchPoint() {
        }

        @Override
        public double released(DoubleSupplier call) {
            return call.getAsDouble();
        }
    };

    /** True when long Java loops must run in chunks with a {@link #switchPoint()} between them. */
    boolean chunked();

    /** Hands the lock to a waiting thread if the holder has had it for the switch interval. */
    void switchPoint();

    /** Runs a native call or blocking I/O without the lock, as C extensions and I/O calls do in CPython. */
    double released(DoubleSupplier call);
}
