package dev.corebound.parallel;

import dev.corebound.internal.parallel.ThreadWorkers;

/**
 * Threads of this JVM sharing its memory: {@code threads(n)} keeps n platform
 * threads; {@code virtualThreads()} starts a virtual thread per slice. Either
 * way slices are handed out as workers free up, so uneven slices balance.
 */
public final class ThreadPool extends Parallelism {

    ThreadPool(int threads, boolean virtual) {
        super(new ThreadWorkers(requirePositive("threads", threads), virtual));
    }
}
