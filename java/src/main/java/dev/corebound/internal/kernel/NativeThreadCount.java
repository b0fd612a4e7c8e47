package dev.corebound.internal.kernel;

/**
 * The OpenMP thread count a NATIVE kernel asks corebound's C library for
 * around each call. The C setting is per calling thread, so kernels with
 * different counts can run side by side; a kernel of one thread leaves the
 * setting at its default of 1 and pays for no downcall.
 */
final class NativeThreadCount {

    private final int threads;

    NativeThreadCount(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but is " + threads);
        }
        this.threads = threads;
    }

    int threads() {
        return threads;
    }

    /** Before a call: this kernel's count for the calling thread. */
    void use() {
        if (threads > 1) {
            corebound_h.cb_set_num_threads(threads);
        }
    }

    /** After a call: back to the default. */
    void reset() {
        if (threads > 1) {
            corebound_h.cb_set_num_threads(1);
        }
    }
}
