package dev.corebound.internal.loader;

import dev.corebound.Platform;
import dev.corebound.internal.Callers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Finds and loads corebound's C library, once per JVM.
 *
 * <p>By default the library packed in the jar for this platform
 * ({@code dev/corebound/native/<platform>/libcorebound.so}) is copied into a
 * new private directory (owner-only permissions, unique name) and loaded with
 * {@link SymbolLookup#libraryLookup(Path, Arena)}. The copy is deleted as soon
 * as it is loaded (the mapping stays valid on Linux and macOS), so nothing is
 * left behind even when the JVM is killed. The system property
 * {@value #PATH_PROPERTY} names a library file to load instead.
 */
public final class NativeLibrary {

    /** System property naming a libcorebound file to load instead of the packed one. */
    public static final String PATH_PROPERTY = "corebound.native.path";

    private static final String LIBRARY = "corebound";

    private NativeLibrary() {
    }

    /** The loaded library, or why it could not load. */
    private record Loaded(SymbolLookup lookup, String source, RuntimeException failure) {
    }

    private static final class Holder {
        static final Loaded LOADED = load();
    }

    /**
     * Symbols of the loaded library.
     *
     * @throws IllegalStateException when it cannot load; the message says why and how to fix it
     */
    public static SymbolLookup corebound() {
        Callers.requireCorebound("NativeLibrary.corebound");
        Loaded loaded = Holder.LOADED;
        if (loaded.failure != null) {
            throw new IllegalStateException(loaded.failure.getMessage(), loaded.failure);
        }
        return loaded.lookup;
    }

    /** Where the library came from, for {@code info}. */
    public static String source() {
        Loaded loaded = Holder.LOADED;
        return loaded.failure == null ? loaded.source : "not loaded: " + loaded.failure.getMessage();
    }

    private static Loaded load() {
        try {
            String override = System.getProperty(PATH_PROPERTY);
            if (override != null && !override.isBlank()) {
                Path path = Path.of(override).toAbsolutePath();
                return new Loaded(loadFile(path), path.toString(), null);
            }
            String platform = Platform.current().id();
            return new Loaded(loadPacked(platform), "packed in the jar (" + platform + ")", null);
        } catch (RuntimeException e) {
            return new Loaded(null, null, e);
        }
    }

    static SymbolLookup loadFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(PATH_PROPERTY + " names " + path + ", which is not a file");
        }
        return SymbolLookup.libraryLookup(path, Arena.global());
    }

    static SymbolLookup loadPacked(String platform) {
        String file = System.mapLibraryName(LIBRARY);
        String resource = "/dev/corebound/native/" + platform + "/" + file;
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("this corebound jar has no native library for platform " + platform
                        + "; build native/ with CMake and name the library with -D" + PATH_PROPERTY + "=/path/to/" + file);
            }
            Path dir = Files.createTempDirectory("corebound-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path copy = dir.resolve(file);
            try {
                Files.copy(in, copy);
                return SymbolLookup.libraryLookup(copy, Arena.global());
            } finally {
                Files.deleteIfExists(copy);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the native library " + resource + ": " + e.getMessage(), e);
        }
    }
}
