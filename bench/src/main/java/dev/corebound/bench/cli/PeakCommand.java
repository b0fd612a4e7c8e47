package dev.corebound.bench.cli;

import dev.corebound.bench.peak.Peak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code corebound peak}: this machine's FMA peak and memory bandwidth. */
@Command(name = "peak", description = "Measures this machine's double-precision FMA peak and memory bandwidth (triad).")
final class PeakCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "A few seconds instead of about twenty.")
    boolean quick;

    @Option(names = "--cores", description = "Threads for the all-core figures (default: every processor available).")
    int cores;

    @Override
    public Integer call() {
        int threads = cores > 0 ? cores : Runtime.getRuntime().availableProcessors();
        Peak p = quick ? Peak.quick(threads) : Peak.measure(threads, 5, 0.5, 512);
        System.out.printf(Locale.ROOT, "FMA peak      %8.1f GFLOP/s on one core%n", p.gflopsOneCore());
        System.out.printf(Locale.ROOT, "              %8.1f GFLOP/s on %d cores%n", p.gflopsAllCores(), p.cores());
        System.out.printf(Locale.ROOT, "memory        %8.1f GB/s (STREAM triad, %d threads)%n", p.triadGBs(), p.cores());
        return 0;
    }
}
