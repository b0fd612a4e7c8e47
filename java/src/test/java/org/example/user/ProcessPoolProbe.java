package org.example.user;

import dev.corebound.Backend;
import dev.corebound.DenseVector;
import dev.corebound.parallel.Parallelism;
import dev.corebound.parallel.ProcessPool;

/**
 * User code with a process pool, run by ProcessPoolPackagedIT in a JVM of its
 * own with the packaged jar on the class path or the module path: it builds
 * the workers' archive, then prints a sum a worker computed and the worker's
 * command line.
 */
public final class ProcessPoolProbe {

    private ProcessPoolProbe() {
    }

    public static void main(String[] args) {
        ProcessPool.prepareWorkerArchive();
        try (ProcessPool pool = Parallelism.processes(1)) {
            DenseVector x = DenseVector.allocate(pool.arena(), 1000).fill(1);
            System.out.println("sum: " + pool.blas(Backend.JAVA_SCALAR).sum(x));
            System.out.println("worker: " + String.join(" ",
                    ProcessHandle.of(pool.workerPids().get(0)).orElseThrow().info().arguments().orElseThrow()));
        }
    }
}
