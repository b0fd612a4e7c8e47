package dev.corebound.internal.loader;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeLibraryTest {

    @Test
    void thePackedLibraryLoads() {
        NativeLibrary.corebound();
        assertTrue(NativeLibrary.source().startsWith("packed in the jar"), NativeLibrary.source());
    }

    @Test
    void aPlatformWithoutAPackedLibraryIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.loadPacked("plan9-mips"));
        assertTrue(e.getMessage().contains("plan9-mips"), e.getMessage());
        assertTrue(e.getMessage().contains(NativeLibrary.PATH_PROPERTY), e.getMessage());
    }

    @Test
    void aMissingOverrideFileIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.loadFile(Path.of("/nonexistent/libcorebound.so")));
        assertTrue(e.getMessage().contains("/nonexistent/libcorebound.so"), e.getMessage());
    }
}
