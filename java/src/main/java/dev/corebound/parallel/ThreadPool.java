package dev.corebound.parallel;

import dev.corebound.internal.parallel.ThreadWorkers;
import dev.corebound.internal.parallel.VirtualThreadWorkers;

/**
 * Threads of this JVM sharing its memory: with {@code threads(n)} the calling
 * thread and n - 1 pool threads take slices; {@code virtualThreads()} starts a
 * virtual thread per slice. Either way slices are handed out as workers free
 * up, so uneven slices balance.
 */
public final class ThreadPool extends Parallelism {

    ThreadPool(int threads, boolean virtual) {
        super(virtual ? new VirtualThreadWorkers(threads) : new ThreadWorkers(requirePositive("threads", threads)));
    }
}
