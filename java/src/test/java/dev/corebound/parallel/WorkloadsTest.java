package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.internal.parallel.Slices;
import dev.corebound.workloads.IoWorkload;
import dev.corebound.workloads.LatencyServer;
import dev.corebound.workloads.Mandelbrot;
import dev.corebound.workloads.MonteCarloPi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The workloads count the same in Java and in C, serially and in parallel. */
class WorkloadsTest {

    @Test
    void monteCarloPiIsTheSameEverywhere() {
        long samples = 3 * Slices.MONTE_CARLO_SAMPLES + 12345;
        long want = MonteCarloPi.run(Parallelism.serial(), Backend.JAVA_SCALAR, samples, 42).hits();
        assertEquals(Math.PI, 4.0 * want / samples, 0.01);
        try (ProcessPool processes = Parallelism.processes(2); ThreadPool threads = Parallelism.threads(2);
             NativeThreads nativeThreads = Parallelism.nativeThreads(2)) {
            for (Parallelism p : List.of(Parallelism.serial(), threads, processes)) {
                for (Backend b : List.of(Backend.JAVA_SCALAR, Backend.JAVA_VECTOR, Backend.NATIVE)) {
                    assertEquals(want, MonteCarloPi.run(p, b, samples, 42).hits(), b + " on " + p);
                }
            }
            assertEquals(want, MonteCarloPi.run(nativeThreads, Backend.NATIVE, samples, 42).hits());
        }
    }

    @Test
    void mandelbrotIsTheSameEverywhere() {
        Mandelbrot grid = Mandelbrot.classic(301, 203, 200);
        long want = grid.iterations(Parallelism.serial(), Backend.JAVA_SCALAR);
        try (ThreadPool threads = Parallelism.threads(3); GilThreads gil = Parallelism.gil(2)) {
            for (Parallelism p : List.of(Parallelism.serial(), threads, gil)) {
                for (Backend b : List.of(Backend.JAVA_SCALAR, Backend.NATIVE)) {
                    assertEquals(want, grid.iterations(p, b), b + " on " + p);
                }
            }
        }
    }

    @Test
    void badWorkloadArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MonteCarloPi.run(Parallelism.serial(), Backend.JAVA_SCALAR, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> Mandelbrot.classic(-1, 2, 3));
        try (NativeThreads nativeThreads = Parallelism.nativeThreads(2)) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> MonteCarloPi.run(nativeThreads, Backend.JAVA_SCALAR, 10, 0));
            assertEquals("JAVA_SCALAR has no threads of its own; native threads need NATIVE, OPENBLAS or OPENBLAS_JNI", e.getMessage());
        }
    }

    @Test
    void everyRequestIsAnswered() {
        try (LatencyServer server = new LatencyServer(Duration.ofMillis(5)); ThreadPool threads = Parallelism.threads(3);
             GilThreads gil = Parallelism.gil(3); ProcessPool processes = Parallelism.processes(2);
             ThreadPool virtual = Parallelism.virtualThreads()) {
            for (Parallelism p : List.of(Parallelism.serial(), threads, gil, processes, virtual)) {
                assertEquals(7, IoWorkload.requests(p, server, 7), p.name());
            }
        }
    }
}
