package dev.corebound.spark.cli;

import java.util.Locale;

/** How a measurement reads on the terminal and in report.md. */
final class Summary {

    private Summary() {
    }

    /** Milliseconds with one decimal: every run here takes from a few to thousands of them. */
    static String millis(double seconds) {
        return Double.isFinite(seconds) ? String.format(Locale.ROOT, "%.1f ms", seconds * 1e3) : "–";
    }

    static String gflops(Measurement m) {
        return Double.isFinite(m.gflops()) ? String.format(Locale.ROOT, "%.1f", m.gflops()) : "";
    }

    /** For example "blockMultiply  corebound NATIVE  spark local[2]  251.3 ms (248.0 to 260.1)  68.4 GFLOP/s". */
    static String line(Measurement m) {
        String rate = Double.isFinite(m.gflops()) ? "  " + gflops(m) + " GFLOP/s" : "";
        return String.format(Locale.ROOT, "%-13s %-22s %-30s %10s (%s to %s)%s", m.op(), m.implementation(), m.runsOn(),
                millis(m.median()), millis(m.min()), millis(m.max()), rate);
    }
}
