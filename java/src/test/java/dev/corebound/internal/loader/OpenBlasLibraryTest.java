package dev.corebound.internal.loader;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenBlasLibraryTest {

    @Test
    void theBundledLibraryLoadsAndSaysHowItWasTuned() {
        OpenBlasLibrary.Info info = OpenBlasLibrary.info();
        assertTrue(info.javaCpp(), info.toString());
        assertTrue(info.source().contains("org.bytedeco:openblas 0.3.30"), info.source());
        assertNotNull(info.decision().reason());
    }

    @Test
    void theProbeLearnsOpenBlassOwnPick() {
        String pick = OpenBlasProbe.corename(null);
        assertNotNull(pick, "the probe JVM failed; see the log");
        assertTrue(pick.matches("[A-Za-z0-9_]+"), pick);
    }
}
