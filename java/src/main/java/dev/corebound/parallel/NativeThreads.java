package dev.corebound.parallel;

import dev.corebound.internal.parallel.NativeThreadWorkers;

/**
 * The backend's own threads: OpenMP's in corebound's C library, OpenBLAS's in
 * OpenBLAS. Java calls the kernel once per operation, on the caller's thread,
 * and the native library splits the work inside that call. The Java backends
 * have no threads of their own: asking for them gives an
 * {@link UnsupportedOperationException} that says which backends do.
 */
public final class NativeThreads extends Parallelism {

    NativeThreads(int threads) {
        super(new NativeThreadWorkers(requirePositive("nativeThreads", threads)));
    }
}
