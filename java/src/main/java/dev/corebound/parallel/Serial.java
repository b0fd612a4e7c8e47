package dev.corebound.parallel;

import dev.corebound.internal.parallel.SerialWorkers;

/** One worker, the caller's thread: each operation is one call of the backend's kernel, not sliced. */
final class Serial extends Parallelism {

    Serial() {
        super(new SerialWorkers());
    }
}
