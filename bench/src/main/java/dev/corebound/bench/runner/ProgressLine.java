package dev.corebound.bench.runner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress line on the terminal: a bar, how many steps are done, the
 * elapsed time, an estimate of what remains, and the step running now.
 * Redrawn in place on a terminal, one line per step otherwise (logs, CI).
 */
public final class ProgressLine {

    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean redraw;
    private final int total;
    private final long start = System.nanoTime();
    private int done;

    public ProgressLine(PrintStream out, boolean interactive, int total) {
        this.out = out;
        this.redraw = interactive;
        this.total = total;
    }

    /** Step {@code index} (0-based) is starting. */
    public void step(int index, String label) {
        done = index;
        draw(label);
    }

    /** Every step is done. */
    public void finish() {
        done = total;
        draw("done");
        if (redraw) {
            out.println();
        }
    }

    private void draw(String label) {
        long elapsed = System.nanoTime() - start;
        String remaining = done == 0 ? "?" : clock((long) ((double) elapsed / done * (total - done)));
        int filled = total == 0 ? BAR : BAR * done / total;
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d  elapsed %s  remaining ~%s  %s",
                "#".repeat(filled), ".".repeat(BAR - filled), done, total, clock(elapsed), remaining, label);
        if (redraw) {
            out.print("\r" + line + "\033[K");
            out.flush();
        } else {
            out.println(line);
        }
    }

    private static String clock(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
