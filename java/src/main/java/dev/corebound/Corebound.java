package dev.corebound;

import dev.corebound.kernels.Kernel;
import dev.corebound.kernels.Kernels;
import dev.corebound.parallel.Parallelism;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry point: pick a backend, get a {@link Blas}.
 *
 * <pre>{@code
 * try (Arena arena = Arena.ofConfined()) {
 *     DenseMatrix a = DenseMatrix.allocate(arena, 256, 256).fillRandom(1);
 *     DenseMatrix b = DenseMatrix.allocate(arena, 256, 256).fillRandom(2);
 *     DenseMatrix c = DenseMatrix.allocate(arena, 256, 256);
 *     Corebound.blas(Backend.NATIVE).gemm(a, b, c);
 * }
 * }</pre>
 */
public final class Corebound {

    private Corebound() {
    }

    /** Each backend's serial kernel, or why it is unavailable; each loaded once, on first use. */
    private static final Map<Backend, Object> KERNELS = new ConcurrentHashMap<>();

    private static Object load(Backend backend) {
        return KERNELS.computeIfAbsent(backend, b -> {
            try {
                return Kernels.create(b);
            } catch (BackendUnavailableException e) {
                return e;
            }
        });
    }

    /**
     * Serial operations on {@code backend}: every call runs on the caller's thread.
     *
     * @throws BackendUnavailableException when the backend cannot run here; the message says why
     */
    public static Blas blas(Backend backend) {
        return new CheckedBlas(kernel(backend), backend.name());
    }

    /**
     * Operations on {@code backend} under {@code parallelism}, for example
     * {@code Corebound.blas(Backend.NATIVE, Parallelism.threads(4))}. Results
     * agree with the serial ones within rounding, and are bit for bit the same
     * for any number of workers of a sliced parallelism.
     *
     * @throws BackendUnavailableException when the backend cannot run here
     * @throws UnsupportedOperationException when the parallelism cannot run this backend
     *         (native threads need a native backend)
     */
    public static Blas blas(Backend backend, Parallelism parallelism) {
        return new CheckedBlas(parallelism.apply(kernel(backend)), backend + " on " + parallelism.name());
    }

    /**
     * The serial kernel of {@code backend}, for code that partitions work itself
     * (the parallelisms). Most users want {@link #blas(Backend)}.
     *
     * @throws BackendUnavailableException when the backend cannot run here
     */
    public static Kernel kernel(Backend backend) {
        Object k = load(backend);
        if (k instanceof BackendUnavailableException e) {
            throw new BackendUnavailableException(backend, e.reason(), e);
        }
        return (Kernel) k;
    }

    /** Every backend, in declaration order, with what runs or why it cannot. */
    public static List<BackendStatus> available() {
        return Arrays.stream(Backend.values()).map(Corebound::status).toList();
    }

    /** True when {@link #blas(Backend)} will return {@code backend}. */
    public static boolean isAvailable(Backend backend) {
        return load(backend) instanceof Kernel;
    }

    private static BackendStatus status(Backend backend) {
        return load(backend) instanceof Kernel kernel
                ? new BackendStatus(backend, true, kernel.description())
                : new BackendStatus(backend, false, ((BackendUnavailableException) load(backend)).reason());
    }
}
