package dev.corebound.internal.parallel;

import dev.corebound.internal.kernel.BackendKernels;

import java.util.Optional;

/** A backend's kernels under a slicing parallelism: each capability wrapped, or dropped where it cannot be sliced. */
final class Partitioned {

    private Partitioned() {
    }

    /**
     * BLAS and workloads sliced over {@code workers}; neither the backend's
     * own threads nor its two-phase gemm are offered, since the workers
     * already are the parallelism.
     */
    static BackendKernels of(BackendKernels serial, Workers workers) {
        return new BackendKernels(serial.backend(), serial.description() + ", on " + workers.name(),
                new PartitionedBlas(serial, workers), Optional.empty(),
                serial.workloads().map(w -> new PartitionedWorkloads(serial, workers)),
                Optional.empty());
    }
}
