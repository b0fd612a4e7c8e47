package dev.corebound;

import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.parallel.Parallelism;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

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

    private static final String VERSION_FILE = "version.properties";

    private Corebound() {
    }

    /** This library's version, e.g. "0.1.0". */
    public static String version() {
        return Version.VALUE;
    }

    /** Read once, from the file the build filled in with the project's version. */
    private static final class Version {
        static final String VALUE = read();

        private static String read() {
            try (InputStream in = Corebound.class.getResourceAsStream(VERSION_FILE)) {
                if (in == null) {
                    throw new IllegalStateException(VERSION_FILE + " is missing from corebound's classes");
                }
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corebound's " + VERSION_FILE, e);
            }
        }
    }

    /**
     * Serial operations on {@code backend}: every call runs on the caller's thread.
     *
     * @throws BackendUnavailableException when the backend cannot run here; the message says why
     */
    public static Blas blas(Backend backend) {
        return new CheckedBlas(Kernels.of(backend), backend.name());
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
     * @throws IllegalStateException when the parallelism is closed
     */
    public static Blas blas(Backend backend, Parallelism parallelism) {
        return new CheckedBlas(ParallelAccess.kernels(backend, parallelism), backend + " on " + parallelism.name());
    }

    /** Every backend, in declaration order, with what runs or why it cannot. */
    public static List<BackendStatus> available() {
        return Arrays.stream(Backend.values()).map(Corebound::status).toList();
    }

    /** True when {@link #blas(Backend)} will return {@code backend}. */
    public static boolean isAvailable(Backend backend) {
        return status(backend).available();
    }

    private static BackendStatus status(Backend backend) {
        try {
            return new BackendStatus(backend, true, Kernels.of(backend).description());
        } catch (BackendUnavailableException e) {
            return new BackendStatus(backend, false, e.reason());
        }
    }
}
