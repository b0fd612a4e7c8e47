package dev.corebound.workloads;

import dev.corebound.Backend;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.internal.parallel.Task;
import dev.corebound.parallel.Parallelism;

import java.util.Collections;
import java.util.List;

/**
 * The I/O-bound workload: {@code count} blocking requests to a
 * {@link LatencyServer}, each one a task of its own, so that a parallelism can
 * wait on as many at once as it has workers. Serially the total is about
 * count x latency; n workers divide it by n; a virtual thread per request
 * brings it down to about one latency.
 */
public final class IoWorkload {

    private IoWorkload() {
    }

    /** Runs the requests under {@code parallelism} and returns how many were answered. */
    public static long requests(Parallelism parallelism, LatencyServer server, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("requests: count must not be negative, but is " + count);
        }
        List<Task> tasks = Collections.nCopies(count, new Task.Requests(server.port(), 1));
        long answered = 0;
        // The requests do no arithmetic: any backend's kernels would do, and the Java reference always loads.
        for (double a : ParallelAccess.workers(parallelism).run(Kernels.of(Backend.JAVA_SCALAR), tasks)) {
            answered += (long) a;
        }
        return answered;
    }
}
