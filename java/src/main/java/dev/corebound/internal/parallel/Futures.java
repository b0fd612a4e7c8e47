package dev.corebound.internal.parallel;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Results of tasks that were each handed to a thread of their own. */
final class Futures {

    private Futures() {
    }

    /** Waits for every future, then returns their results in order or throws the first failure. */
    static double[] collect(List<Future<Double>> futures) {
        double[] results = new double[futures.size()];
        RuntimeException failure = null;
        boolean interrupted = false;
        for (int i = 0; i < results.length; i++) {
            try {
                results[i] = futures.get(i).get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                interrupted = true;
                i--; // keep waiting: the slices write into the caller's memory
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }
}
