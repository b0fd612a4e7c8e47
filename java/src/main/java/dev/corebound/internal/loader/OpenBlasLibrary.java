package dev.corebound.internal.loader;

import dev.corebound.Platform;
import dev.corebound.internal.Callers;
import dev.corebound.internal.loader.OpenBlasTuning.Decision;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds, tunes and loads OpenBLAS, once per JVM, for both OpenBLAS backends.
 *
 * <p>By default the library is the one JavaCPP's platform jar ships
 * (org.bytedeco:openblas), so nothing needs installing; the system property
 * {@value #PATH_PROPERTY} names another file, such as a system OpenBLAS, for
 * the FFM backend.
 *
 * <p>Before the library loads, {@link OpenBlasTuning} compares the core type
 * OpenBLAS would pick (from {@code OPENBLAS_CORETYPE}, or else from its own
 * detection, learnt by loading it once in a child JVM) with the CPU's vector
 * units, and sets {@code OPENBLAS_CORETYPE} through libc when the pick is
 * narrower. The system property {@value #CORETYPE_PROPERTY} overrides this:
 * {@code auto} (the default), {@code keep} (change nothing) or a core name.
 */
public final class OpenBlasLibrary {

    /** System property naming an OpenBLAS library file to use instead of JavaCPP's. */
    public static final String PATH_PROPERTY = "corebound.openblas.path";
    /** System property: auto (default), keep, or an OpenBLAS core type such as SkylakeX. */
    public static final String CORETYPE_PROPERTY = "corebound.openblas.coretype";
    /** The environment variable OpenBLAS reads its core type from when it loads. */
    public static final String CORETYPE_ENV = "OPENBLAS_CORETYPE";

    private OpenBlasLibrary() {
    }

    /**
     * How OpenBLAS was loaded.
     *
     * @param path       the library file
     * @param source     where it came from, in words
     * @param pick       the core type OpenBLAS would have used without corebound, and where that came from
     * @param decision   what corebound did about it, and why
     * @param javaCpp    true when the library is JavaCPP's, which the JNI backend also uses
     */
    public record Info(Path path, String source, String pick, Decision decision, boolean javaCpp) {
    }

    private record Loaded(SymbolLookup lookup, Info info, RuntimeException failure) {
    }

    private static final class Holder {
        static final Loaded LOADED = load();
    }

    /** Set once OpenBLAS is loaded: the core type a child JVM should start with to load it the same way. */
    private static volatile String coreTypeInEffect;

    /**
     * Symbols of the loaded library.
     *
     * @throws IllegalStateException when it cannot load; the message says why
     */
    public static SymbolLookup lookup() {
        Callers.requireCorebound("OpenBlasLibrary.lookup");
        return loaded().lookup;
    }

    /** How the library was found and tuned. */
    public static Info info() {
        return loaded().info;
    }

    private static Loaded loaded() {
        Loaded loaded = Holder.LOADED;
        if (loaded.failure != null) {
            throw new IllegalStateException(loaded.failure.getMessage(), loaded.failure);
        }
        return loaded;
    }

    /** True when JavaCPP's OpenBLAS classes are on the class path (checked without loading them). */
    public static boolean javaCppPresent() {
        return JavaCppOpenBlas.present();
    }

    /**
     * The OPENBLAS_CORETYPE value that makes a child JVM load OpenBLAS as this
     * one did, once this one has loaded it (worker processes start with it, so
     * they neither probe again nor decide differently).
     */
    public static Optional<String> coreTypeInEffect() {
        return Optional.ofNullable(coreTypeInEffect);
    }

    private static Loaded load() {
        try {
            String named = System.getProperty(PATH_PROPERTY, "").trim();
            boolean javaCpp = named.isEmpty();
            Path path = null;
            if (!javaCpp) {
                path = Path.of(named).toAbsolutePath();
                if (!Files.isRegularFile(path)) {
                    throw new IllegalStateException(PATH_PROPERTY + " names " + path + ", which is not a file");
                }
            } else if (!JavaCppOpenBlas.present()) {
                throw new IllegalStateException("org.bytedeco:openblas is not on the class path; add it, or name an "
                        + "OpenBLAS library with -D" + PATH_PROPERTY + "=/path/to/libopenblas.so");
            }
            String env = System.getenv(CORETYPE_ENV);
            String mode = System.getProperty(CORETYPE_PROPERTY, "auto").trim();
            boolean pickFromEnv = env != null && !env.isBlank();
            String pick = pickFromEnv ? env : null;
            Decision decision;
            if (mode.equalsIgnoreCase("keep")) {
                decision = new Decision(null, "left alone, as -D" + CORETYPE_PROPERTY + "=keep asks");
            } else if (!mode.equalsIgnoreCase("auto")) {
                decision = new Decision(mode, "set OPENBLAS_CORETYPE=" + mode + ", as -D" + CORETYPE_PROPERTY + " asks");
            } else {
                if (pick == null) {
                    pick = OpenBlasProbe.corename(path);
                }
                Platform p = Platform.current();
                decision = pick == null
                        ? new Decision(null, "left alone: could not learn OpenBLAS's own pick")
                        : OpenBlasTuning.decide(p.arch(), p.cpuFeatures(), pick);
            }
            if (decision.changes()) {
                Libc.setenv(CORETYPE_ENV, decision.coreType());
            }
            Path file = javaCpp ? JavaCppOpenBlas.load() : path;
            SymbolLookup lookup = SymbolLookup.libraryLookup(file, Arena.global());
            String source = javaCpp ? "JavaCPP's org.bytedeco:openblas " + JavaCppOpenBlas.artifactVersion()
                    : "named by -D" + PATH_PROPERTY;
            String pickFrom = pickFromEnv ? " (OPENBLAS_CORETYPE in the environment)" : " (its own detection)";
            Info info = new Info(file, source, pick == null ? "not known" : pick + pickFrom, decision, javaCpp);
            coreTypeInEffect = decision.changes() ? decision.coreType() : pick;
            return new Loaded(lookup, info, null);
        } catch (RuntimeException | LinkageError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Loaded(null, null, new IllegalStateException(message.lines().findFirst().orElse(message), e));
        }
    }
}
