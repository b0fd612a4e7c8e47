package dev.corebound;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The version is written once (the parent pom) and reaches both the Java library and the C library. */
class VersionTest {

    @Test
    void theJavaLibraryAndTheCLibraryTellTheSameVersion() {
        String version = Corebound.version();
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
        BackendStatus nativeStatus = Corebound.available().stream()
                .filter(s -> s.backend() == Backend.NATIVE).findFirst().orElseThrow();
        assertTrue(nativeStatus.detail().contains("libcorebound " + version), nativeStatus.detail());
    }
}
