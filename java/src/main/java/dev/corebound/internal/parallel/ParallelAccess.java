package dev.corebound.internal.parallel;

import dev.corebound.Backend;
import dev.corebound.BackendUnavailableException;
import dev.corebound.internal.Callers;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.parallel.Parallelism;

import java.util.function.Function;

/**
 * The route from a public {@link Parallelism} to the {@link Workers} behind
 * it, for corebound's own code. Parallelism hands over its access once, when
 * its class initialises (the JDK's "shared secrets" pattern), so that the
 * public class needs no public method that returns internals.
 */
public final class ParallelAccess {

    private static volatile Function<Parallelism, Workers> access;

    private ParallelAccess() {
    }

    /** Called once, by Parallelism's static initialiser. */
    public static synchronized void register(Function<Parallelism, Workers> workersOf) {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (caller != Parallelism.class || access != null) {
            throw new IllegalStateException("only Parallelism registers its access, once");
        }
        access = workersOf;
    }

    /**
     * The workers behind {@code parallelism}.
     *
     * @throws UnsupportedOperationException when the caller is not corebound's code
     */
    public static Workers workers(Parallelism parallelism) {
        Callers.requireCorebound("ParallelAccess.workers");
        return access.apply(parallelism);
    }

    /**
     * {@code backend}'s kernels as {@code parallelism} runs them (sliced, or on
     * the backend's own threads).
     *
     * @throws BackendUnavailableException when the backend cannot run here
     * @throws UnsupportedOperationException when the parallelism cannot run the backend, or the caller is not corebound's code
     */
    public static BackendKernels kernels(Backend backend, Parallelism parallelism) {
        Callers.requireCorebound("ParallelAccess.kernels");
        return access.apply(parallelism).apply(Kernels.of(backend));
    }
}
