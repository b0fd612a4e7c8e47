package dev.corebound.bench.runner;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

/**
 * JMH's output goes to a log file through this format, which also draws a
 * progress line on the terminal: a bar, which measurement is running, the
 * elapsed time and an estimate of what remains.
 */
final class Progress implements OutputFormat {

    private static final int BAR = 24;

    private final OutputFormat log;
    private final PrintStream terminal;
    private final boolean redraw;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private String current = "";

    Progress(OutputFormat log, PrintStream terminal, boolean interactive, int total) {
        this.log = log;
        this.terminal = terminal;
        this.redraw = interactive;
        this.total = total;
    }

    /** Called before each plan entry. */
    void starting(int index, String label) {
        done = index;
        current = label;
        draw();
    }

    /** Called when the whole plan has run (or stopped). */
    void finished() {
        done = total;
        current = "done";
        draw();
        if (redraw) {
            terminal.println();
        }
    }

    private void draw() {
        long elapsed = System.nanoTime() - start;
        String remaining = done == 0 ? "?" : clock((long) ((double) elapsed / done * (total - done)));
        int filled = total == 0 ? BAR : BAR * done / total;
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d  elapsed %s  remaining ~%s  %s",
                "#".repeat(filled), ".".repeat(BAR - filled), done, total, clock(elapsed), remaining, current);
        if (redraw) {
            terminal.print("\r" + line + "\033[K");
            terminal.flush();
        } else {
            terminal.println(line);
        }
    }

    private static String clock(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        log.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        log.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
        log.startBenchmark(benchParams);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.flush();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }
}
