package dev.corebound.internal.kernel;

import dev.corebound.Backend;
import dev.corebound.BackendUnavailableException;
import dev.corebound.internal.Callers;
import dev.corebound.internal.loader.NativeLibrary;
import dev.corebound.internal.loader.OpenBlasLibrary;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one route to the kernels, for corebound's checking layer, its parallel
 * layer, its benchmarks and its Spark module. Implementations are package
 * private; this class creates them, each backend once, or says in one line why
 * one cannot run here. A backend whose classes need something that may be
 * missing (the Vector API module, a native library) is loaded only when asked
 * for, so a missing piece costs that backend and nothing else.
 *
 * <p>Kernels trust their arguments, so every method that hands one out checks
 * that its caller is corebound's own code ({@link Callers}).
 */
public final class Kernels {

    /** The JVM flag that adds the Vector API module. */
    public static final String VECTOR_MODULE_FLAG = "--add-modules jdk.incubator.vector";

    /** Each backend's serial kernels, or why it is unavailable; each created once, on first use. */
    private static final Map<Backend, Object> SERIAL = new ConcurrentHashMap<>();

    private Kernels() {
    }

    /**
     * The serial kernels of {@code backend}: one call of one kernel per operation, on the caller's thread.
     *
     * @throws BackendUnavailableException when the backend cannot run here; the message says why
     * @throws UnsupportedOperationException when the caller is not corebound's code
     */
    public static BackendKernels of(Backend backend) {
        Callers.requireCorebound("Kernels.of");
        Object k = SERIAL.computeIfAbsent(backend, Kernels::createOrReason);
        if (k instanceof BackendUnavailableException e) {
            throw new BackendUnavailableException(backend, e.reason(), e);
        }
        return (BackendKernels) k;
    }

    /**
     * NATIVE's BLAS with ordinary downcalls for every off-heap call, however
     * short: the plain FFM path that the call-overhead benchmark measures
     * beside the critical one.
     */
    public static DoubleBlas nativeWithOrdinaryDowncalls() {
        Callers.requireCorebound("Kernels.nativeWithOrdinaryDowncalls");
        return new NativeBlas(1, Downcalls.ORDINARY);
    }

    /** Crashes this process with a segmentation fault in native code, for the worker-crash tests. */
    public static void crashInNativeCode() {
        Callers.requireCorebound("Kernels.crashInNativeCode");
        corebound_h.cb_debug_segfault();
    }

    private static Object createOrReason(Backend backend) {
        try {
            return switch (backend) {
                case JAVA_SCALAR -> new BackendKernels(backend, "plain Java loops", new ScalarBlas(),
                        Optional.empty(), Optional.of(new JavaWorkloads()), Optional.empty());
                case JAVA_VECTOR -> vector();
                case NATIVE -> nativeKernels(1);
                case OPENBLAS -> openBlas(1);
                case OPENBLAS_JNI -> openBlasJni(1);
            };
        } catch (BackendUnavailableException e) {
            return e;
        } catch (RuntimeException | LinkageError e) {
            return new BackendUnavailableException(backend, oneLine(e), e);
        }
    }

    /** Loaded by name, as Lucene loads its Panama provider, so that this class links where the module is absent. */
    private static BackendKernels vector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new BackendUnavailableException(Backend.JAVA_VECTOR,
                    "the Vector API module is not in this JVM; start java with " + VECTOR_MODULE_FLAG);
        }
        try {
            Class<?> type = Class.forName(Kernels.class.getPackageName() + ".VectorBlas");
            return (BackendKernels) MethodHandles.lookup()
                    .findStatic(type, "kernels", MethodType.methodType(BackendKernels.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new BackendUnavailableException(Backend.JAVA_VECTOR, oneLine(e), e);
        }
    }

    private static BackendKernels nativeKernels(int threads) {
        return new BackendKernels(Backend.NATIVE,
                NativeBlas.libraryInfo() + ", " + NativeLibrary.source() + threadsNote(threads, false),
                new NativeBlas(threads, Downcalls.CRITICAL_WHEN_SHORT),
                Optional.of(new NativePackedGemm(Downcalls.CRITICAL_WHEN_SHORT)),
                Optional.of(new NativeWorkloads(threads)),
                Optional.of(Kernels::nativeKernels));
    }

    private static BackendKernels openBlas(int threads) {
        return new BackendKernels(Backend.OPENBLAS, OpenBlasInfo.summary() + threadsNote(threads, true),
                new OpenBlasBlas(threads), Optional.empty(), Optional.empty(), Optional.of(Kernels::openBlas));
    }

    private static BackendKernels openBlasJni(int threads) {
        if (!OpenBlasLibrary.javaCppPresent()) {
            throw new BackendUnavailableException(Backend.OPENBLAS_JNI, "JavaCPP's org.bytedeco:openblas is not on the class path");
        }
        return new BackendKernels(Backend.OPENBLAS_JNI,
                OpenBlasInfo.summary() + ", through JavaCPP's JNI" + threadsNote(threads, true),
                new OpenBlasJniBlas(threads), Optional.empty(), Optional.empty(), Optional.of(Kernels::openBlasJni));
    }

    /** ", 2 threads"; for OpenBLAS also ", 1 thread", since it would otherwise use every core. */
    private static String threadsNote(int threads, boolean always) {
        return threads > 1 ? ", " + threads + " threads" : always ? ", 1 thread" : "";
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
