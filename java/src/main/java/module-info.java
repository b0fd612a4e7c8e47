/**
 * corebound: dense vectors and matrices on off-heap memory, BLAS-like
 * operations and CPU-bound workloads on Java, Vector API, C and OpenBLAS
 * kernels, under serial, threaded, multi-process, GIL-emulating and native
 * parallelism.
 *
 * <p>Only the API is exported. Kernels, bindings, loaders, slicing and the
 * worker protocol live in {@code dev.corebound.internal.*}, which user code
 * cannot reach on the module path (and which checks its callers on the class
 * path), so no kernel ever sees arguments the checking layer has not checked.
 */
module dev.corebound {
    requires static jdk.incubator.vector;
    requires java.management;
    requires org.bytedeco.javacpp;
    requires org.bytedeco.openblas;

    exports dev.corebound;
    exports dev.corebound.parallel;
    exports dev.corebound.workloads;
}
