package dev.corebound.internal.kernel;

/**
 * OpenBLAS's thread count for calls made from the current thread, set through
 * openblas_set_num_threads_local so that backend instances with different
 * counts can run side by side. The last value set on each thread is
 * remembered, so that a call pays for the downcall only when the count changes.
 */
final class OpenBlasThreads {

    private static final ThreadLocal<int[]> CURRENT = ThreadLocal.withInitial(() -> new int[]{-1});

    private OpenBlasThreads() {
    }

    static void use(int threads) {
        int[] current = CURRENT.get();
        if (current[0] != threads) {
            openblas_h.openblas_set_num_threads_local(threads);
            current[0] = threads;
        }
    }
}
