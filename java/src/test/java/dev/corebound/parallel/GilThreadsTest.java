package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.internal.parallel.Slices;
import dev.corebound.Corebound;
import dev.corebound.workloads.MonteCarloPi;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GilThreadsTest {

    @Test
    void atMostOneThreadRunsJavaArithmeticAtATime() {
        try (GilThreads gil = Parallelism.gil(3, Duration.ofMillis(1))) {
            MonteCarloPi.Result r = MonteCarloPi.run(gil, Backend.JAVA_SCALAR, 12 * Slices.MONTE_CARLO_SAMPLES, 5);
            assertEquals(MonteCarloPi.run(Parallelism.serial(), Backend.JAVA_SCALAR, r.samples(), 5).hits(), r.hits());
            assertEquals(1, gil.maxConcurrentHolders(), "more than one thread held the lock");
            assertTrue(gil.switches() > 0, "three threads with a 1 ms interval must have taken turns");
        }
    }

    @Test
    void nativeCallsRunWithTheLockReleased() {
        try (GilThreads gil = Parallelism.gil(2)) {
            long hits = MonteCarloPi.run(gil, Backend.NATIVE, 4 * Slices.MONTE_CARLO_SAMPLES, 9).hits();
            assertEquals(MonteCarloPi.run(Parallelism.serial(), Backend.JAVA_SCALAR, 4 * Slices.MONTE_CARLO_SAMPLES, 9).hits(), hits);
            assertEquals(1, gil.maxConcurrentHolders());
            assertEquals(0, gil.switches(), "native slices never hold the lock long enough to hand it over");
        }
    }

    @Test
    void theModelNamesItself() {
        try (GilThreads gil = Parallelism.gil(2)) {
            assertEquals("gil(2)", gil.name());
            assertTrue(Corebound.blas(Backend.JAVA_SCALAR, gil).toString().contains("gil(2)"));
        }
    }
}
