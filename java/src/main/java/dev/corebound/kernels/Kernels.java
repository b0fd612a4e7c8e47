package dev.corebound.kernels;

import dev.corebound.Backend;
import dev.corebound.BackendUnavailableException;
import dev.corebound.ffm.OpenBlasLibrary;

/**
 * Creates the kernel of each backend, or says in one line why it cannot run
 * here. Backends whose classes need something that may be missing (the Vector
 * API module, a native library) are loaded only when asked for, so a missing
 * piece costs that backend and nothing else.
 */
public final class Kernels {

    /** The JVM flag that adds the Vector API module. */
    public static final String VECTOR_MODULE_FLAG = "--add-modules jdk.incubator.vector";

    private Kernels() {
    }

    /**
     * A new single-threaded kernel for {@code backend}.
     *
     * @throws BackendUnavailableException with the reason, when the backend cannot run here
     */
    public static Kernel create(Backend backend) {
        try {
            return switch (backend) {
                case JAVA_SCALAR -> new ScalarKernel();
                case JAVA_VECTOR -> vector();
                case NATIVE -> new NativeKernel();
                case OPENBLAS -> new OpenBlasKernel();
                case OPENBLAS_JNI -> jni();
            };
        } catch (BackendUnavailableException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException(backend, oneLine(e), e);
        }
    }

    private static Kernel jni() {
        if (!OpenBlasLibrary.javaCppPresent()) {
            throw new BackendUnavailableException(Backend.OPENBLAS_JNI, "JavaCPP's org.bytedeco:openblas is not on the class path");
        }
        return new OpenBlasJniKernel();
    }

    private static Kernel vector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new BackendUnavailableException(Backend.JAVA_VECTOR,
                    "the Vector API module is not in this JVM; start java with " + VECTOR_MODULE_FLAG);
        }
        // Loaded by name so that this class links even where the module is absent.
        try {
            return (Kernel) Class.forName("dev.corebound.kernels.VectorKernel").getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new BackendUnavailableException(Backend.JAVA_VECTOR, oneLine(e), e);
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && (root.getMessage() == null || root instanceof LinkageError)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
