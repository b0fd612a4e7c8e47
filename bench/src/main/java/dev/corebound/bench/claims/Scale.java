package dev.corebound.bench.claims;

/**
 * How big the experiments are: the default run takes about two minutes on two
 * cores, the quick one under thirty seconds.
 *
 * @param samples          Monte Carlo samples per run
 * @param repeats          timed runs per configuration (the best counts)
 * @param ipcMiB           data moved to a worker, MiB
 * @param increments       counter increments per thread
 * @param requests         I/O requests
 * @param latencyMillis    the server's latency per request
 * @param grid             Mandelbrot grid side
 * @param gemmN            gemm size for the native-library experiment
 * @param workerStarts     fresh worker JVMs and bare JVMs started to time a start, and spare hand-overs timed
 * @param runawaySeconds   how long a runaway thread is given to stop after interrupt()
 */
public record Scale(long samples, int repeats, int ipcMiB, long increments, int requests, int latencyMillis,
                    int grid, int gemmN, int workerStarts, double runawaySeconds) {

    public static Scale standard() {
        return new Scale(1L << 27, 7, 256, 20_000_000, 60, 20, 2048, 2048, 8, 2.0);
    }

    public static Scale quick() {
        return new Scale(1L << 24, 3, 16, 2_000_000, 12, 10, 512, 1024, 2, 0.5);
    }
}
