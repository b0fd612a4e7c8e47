package dev.corebound.spark;

import dev.corebound.Backend;
import dev.corebound.parallel.Parallelism;
import dev.corebound.workloads.Mandelbrot;
import dev.corebound.workloads.MonteCarloPi;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelRouteTest {

    private static List<Long> lengths(List<Slice> slices) {
        return slices.stream().map(Slice::length).toList();
    }

    /** Slices follow each other from 0 to the total. */
    private static void assertCovers(long total, List<Slice> slices) {
        long next = 0;
        for (Slice s : slices) {
            assertEquals(next, s.start());
            next = s.end();
        }
        assertEquals(total, next);
    }

    @Test
    void gemmSlicesAre256RowsOrTwoHalvesOfSmallMatrices() {
        assertEquals(List.of(256L, 256L, 256L, 232L), lengths(KernelRoute.gemmSlices(1000)));
        assertEquals(List.of(152L, 148L), lengths(KernelRoute.gemmSlices(300)));
        assertEquals(List.of(256L, 256L), lengths(KernelRoute.gemmSlices(512)));
        assertEquals(List.of(1L), lengths(KernelRoute.gemmSlices(1)));
        assertEquals(List.of(0L), lengths(KernelRoute.gemmSlices(0)));
        assertCovers(1000, KernelRoute.gemmSlices(1000));
    }

    @Test
    void workloadSlicesCoverTheirRange() {
        long samples = 3 * (1L << 20) + 5;
        assertEquals(List.of(1L << 20, 1L << 20, 1L << 20, 5L), lengths(KernelRoute.monteCarloSlices(samples)));
        assertCovers(samples, KernelRoute.monteCarloSlices(samples));
        assertEquals(50, KernelRoute.mandelbrotSlices(100).size()); // 2 rows each: 64 slices at most
        assertCovers(100, KernelRoute.mandelbrotSlices(100));
        assertEquals(64, KernelRoute.mandelbrotSlices(2048).size());
    }

    @Test
    void slicesThroughTheRouteAddUpToTheWholeWorkload() {
        long samples = 2 * (1L << 20) + 777;
        long hits = KernelRoute.monteCarloSlices(samples).stream()
                .mapToLong(s -> KernelRoute.monteCarloPi(Backend.NATIVE, 9, s.start(), s.length())).sum();
        assertEquals(MonteCarloPi.run(Parallelism.serial(), Backend.NATIVE, samples, 9).hits(), hits);

        Mandelbrot grid = Mandelbrot.classic(120, 90, 64);
        long iterations = KernelRoute.mandelbrotSlices(grid.height()).stream()
                .mapToLong(s -> KernelRoute.mandelbrot(Backend.NATIVE, grid, s.start(), s.end())).sum();
        assertEquals(grid.iterations(Parallelism.serial(), Backend.NATIVE), iterations);
    }
}
