package dev.corebound.bench.report;

import dev.corebound.bench.plan.Subject;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a run's results folder: results.json (JMH's own results plus the
 * machine facts and derived rates), results.csv, report.md and the charts.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Writes every file into {@code dir} and returns their paths. */
    public static List<Path> write(Path dir, Results results) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(dir.resolve("results.json"), json(results)));
        files.add(Files.writeString(dir.resolve("results.csv"), csv(results)));
        files.addAll(Charts.write(dir, results));
        files.add(Files.writeString(dir.resolve("report.md"), markdown(results)));
        return files;
    }

    private static Map<String, String> rowFields(Results r, Row row) {
        Subject s = row.subject();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("op", Json.string(s.op()));
        f.put("implementation", Json.string(s.implementation()));
        f.put("parallelism", Json.string(s.parallelism()));
        f.put("workers", Integer.toString(s.workers()));
        f.put("size", Long.toString(s.size()));
        f.put("secondsPerOp", Json.number(row.secondsPerOp()));
        f.put("errorSeconds", Json.number(row.errorSeconds()));
        f.put("runs", Integer.toString(row.runs()));
        f.put("minSeconds", Json.number(row.minSeconds()));
        f.put("maxSeconds", Json.number(row.maxSeconds()));
        f.put("runSeconds", row.runSeconds().stream().map(Json::number).collect(Collectors.joining(", ", "[", "]")));
        f.put("gflops", Json.number(row.gflops()));
        f.put("gbs", Json.number(row.gbs()));
        f.put("speedupOverScalar", Json.number(r.speedupOverScalar(row)));
        f.put("speedupOverSerial", Json.number(r.speedupOverSerial(row)));
        f.put("percentOfPeak", Json.number(r.percentOfPeak(row)));
        return f;
    }

    static String json(Results r) {
        Map<String, String> peak = new LinkedHashMap<>();
        peak.put("cores", Integer.toString(r.peak().cores()));
        peak.put("gflopsOneCore", Json.number(r.peak().gflopsOneCore()));
        peak.put("gflopsAllCores", Json.number(r.peak().gflopsAllCores()));
        peak.put("triadGBs", Json.number(r.peak().triadGBs()));
        ByteArrayOutputStream jmh = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(jmh, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(r.jmh());
        }
        String jmhJson = jmh.toString(StandardCharsets.UTF_8).trim();
        Map<String, String> top = new LinkedHashMap<>();
        top.put("machine", Json.stringObject(r.machine()));
        top.put("peak", Json.object(peak));
        top.put("complete", Boolean.toString(r.complete()));
        top.put("repeat", Integer.toString(r.repeat()));
        top.put("skipped", r.skipped().stream().map(Json::string).collect(Collectors.joining(", ", "[", "]")));
        top.put("rows", "[\n" + r.rows().stream().map(row -> "  " + Json.object(rowFields(r, row)))
                .collect(Collectors.joining(",\n")) + "\n]");
        top.put("jmh", jmhJson.isEmpty() ? "[]" : jmhJson);
        return Json.object(top) + "\n";
    }

    static String csv(Results r) {
        StringBuilder sb = new StringBuilder("op,implementation,parallelism,workers,size,seconds_per_op,error_seconds,"
                + "gflops,gbs,speedup_over_scalar,speedup_over_serial,percent_of_peak,runs,min_seconds,max_seconds\n");
        for (Row row : r.rows()) {
            Subject s = row.subject();
            sb.append(String.join(",", s.op(), s.implementation(), s.parallelism(), Integer.toString(s.workers()),
                    Long.toString(s.size()), csvNumber(row.secondsPerOp()), csvNumber(row.errorSeconds()),
                    csvNumber(row.gflops()), csvNumber(row.gbs()), csvNumber(r.speedupOverScalar(row)),
                    csvNumber(r.speedupOverSerial(row)), csvNumber(r.percentOfPeak(row)), Integer.toString(row.runs()),
                    csvNumber(row.minSeconds()), csvNumber(row.maxSeconds()))).append('\n');
        }
        return sb.toString();
    }

    private static String csvNumber(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "";
    }

    private static String fixed(double d, String format) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, format, d) : "–";
    }

    /** "1.23 ms", "456 ns": a time per call with a unit that keeps it short. */
    public static String time(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.3g s", seconds);
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        }
        if (seconds >= 1e-6) {
            return String.format(Locale.ROOT, "%.3g µs", seconds * 1e6);
        }
        return String.format(Locale.ROOT, "%.3g ns", seconds * 1e9);
    }

    /** "1.21 ms to 1.35 ms over 5 runs": the spread of a row's runs. */
    public static String spread(Row row) {
        return time(row.minSeconds()) + " to " + time(row.maxSeconds()) + " over " + row.runs() + " runs";
    }

    /** A row's time per call: the median, with JMH's error for one run or the spread of several. */
    private static String timeWithSpread(Row row) {
        if (row.runs() > 1) {
            return time(row.secondsPerOp()) + " (" + spread(row) + ")";
        }
        return time(row.secondsPerOp()) + (Double.isFinite(row.errorSeconds()) ? " ± " + time(row.errorSeconds()) : "");
    }

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder("# corebound compare\n\n");
        if (!r.complete()) {
            md.append("**Interrupted:** ").append(r.runsMeasured()).append(" of ").append(r.planned() * r.repeat())
                    .append(" planned runs were taken.\n\n");
        }
        if (!r.failed().isEmpty()) {
            md.append("**Failed** (see jmh.log): ").append(String.join("; ", r.failed())).append("\n\n");
        }
        r.skipped().forEach(line -> md.append("**Skipped:** ").append(line).append("\n\n"));
        md.append("| | |\n|---|---|\n");
        r.machine().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append(String.format(Locale.ROOT, "| measured peak | %.1f GFLOP/s on one core, %.1f GFLOP/s on %d cores "
                        + "(FMA); %.1f GB/s memory (triad) |%n%n", r.peak().gflopsOneCore(), r.peak().gflopsAllCores(),
                r.peak().cores(), r.peak().triadGBs()));
        md.append(r.repeat() > 1
                ? "Times are the median of " + r.repeat() + " runs of the whole plan, round after round, with the "
                        + "spread of the runs (each run a JMH average). "
                : "Times are JMH averages (± its 99.9% confidence half-width). ");
        md.append("\"vs scalar\" is the speedup over "
                + "JAVA_SCALAR, serial, on the same operation and size; \"% of peak\" compares with the peak above "
                + "(FMA rate of the cores the run could use, or memory bandwidth for gemv, dot and axpy, which goes above 100% "
                + "when the operands fit in cache).\n\n");
        for (String op : Charts.RATE_OPS) {
            List<Row> rows = r.rows().stream().filter(row -> row.subject().op().equals(op)
                    && row.subject().parallelism().equals("serial")).toList();
            if (rows.isEmpty()) {
                continue;
            }
            boolean memory = rows.get(0).subject().memoryBound();
            md.append("## ").append(op).append(memory ? " (GB/s)" : " (GFLOP/s)").append("\n\n");
            pivot(md, rows, row -> fixed(memory ? row.gbs() : row.gflops(), "%.1f"));
            md.append("![").append(op).append("](").append(Charts.rateChart(op, memory)).append(".svg)\n\n");
            md.append("<details><summary>every ").append(op).append(" measurement</summary>\n\n");
            md.append("| implementation | n | time per call | ").append(memory ? "GB/s" : "GFLOP/s")
                    .append(" | vs scalar | % of peak |\n|---|---:|---:|---:|---:|---:|\n");
            for (Row row : rows) {
                md.append("| ").append(row.subject().implementation()).append(" | ").append(row.subject().size())
                        .append(" | ").append(timeWithSpread(row))
                        .append(" | ").append(fixed(memory ? row.gbs() : row.gflops(), "%.2f"))
                        .append(" | ").append(fixed(r.speedupOverScalar(row), "%.1fx"))
                        .append(" | ").append(fixed(r.percentOfPeak(row), "%.0f%%")).append(" |\n");
            }
            md.append("\n</details>\n\n");
        }
        scaling(md, r);
        overhead(md, r);
        return md.toString();
    }

    /** Rows: implementations; columns: sizes. */
    private static void pivot(StringBuilder md, List<Row> rows, Function<Row, String> cell) {
        TreeSet<Long> sizes = new TreeSet<>();
        rows.forEach(row -> sizes.add(row.subject().size()));
        Map<String, Map<Long, Row>> byImpl = new LinkedHashMap<>();
        rows.forEach(row -> byImpl.computeIfAbsent(row.subject().implementation(), k -> new LinkedHashMap<>())
                .put(row.subject().size(), row));
        md.append("| implementation |");
        sizes.forEach(n -> md.append(" n=").append(n).append(" |"));
        md.append("\n|---|").append("---:|".repeat(sizes.size())).append('\n');
        byImpl.forEach((impl, bySize) -> {
            md.append("| ").append(impl).append(" |");
            sizes.forEach(n -> md.append(' ').append(bySize.containsKey(n) ? cell.apply(bySize.get(n)) : "").append(" |"));
            md.append('\n');
        });
        md.append('\n');
    }

    /**
     * Speedup over serial, side by side: a table per operation and size, a row
     * per backend, a column per parallelism, each cell the time per call and
     * the speedup over the same backend's serial call.
     */
    private static void scaling(StringBuilder md, Results r) {
        List<Row> rows = r.rows().stream().filter(row -> !row.subject().parallelism().equals("serial")
                && !row.subject().op().equals("overhead")).toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Speedup against workers\n\nEach cell: time per call and speedup over the same backend run "
                + "serially (one call, not sliced); the serial column gives that call's time.\n\n");
        Map<String, List<Row>> byProblem = new LinkedHashMap<>();
        rows.forEach(row -> byProblem.computeIfAbsent(row.subject().op() + " n=" + row.subject().size(),
                k -> new ArrayList<>()).add(row));
        byProblem.forEach((problem, group) -> {
            List<String> parallelisms = group.stream().map(row -> row.subject().parallelism()).distinct()
                    .sorted(Comparator.comparing((String p) -> Subject.family(p)).thenComparingInt(Subject::workers))
                    .toList();
            md.append("| ").append(problem).append(" | serial |");
            parallelisms.forEach(p -> md.append(' ').append(p).append(" |"));
            md.append("\n|---|---:|").append("---:|".repeat(parallelisms.size())).append('\n');
            Map<String, Map<String, Row>> byBackend = new LinkedHashMap<>();
            group.forEach(row -> byBackend.computeIfAbsent(row.subject().implementation(), k -> new LinkedHashMap<>())
                    .put(row.subject().parallelism(), row));
            byBackend.forEach((backend, cells) -> {
                Subject any = cells.values().iterator().next().subject();
                md.append("| ").append(backend).append(" | ").append(r.find(new Subject(any.op(), backend, "serial",
                        any.size())).map(serial -> time(serial.secondsPerOp())).orElse("")).append(" |");
                for (String p : parallelisms) {
                    Row row = cells.get(p);
                    md.append(' ').append(row == null ? "" : time(row.secondsPerOp()) + " ("
                            + fixed(r.speedupOverSerial(row), "%.2fx") + ")").append(" |");
                }
                md.append('\n');
            });
            md.append('\n');
        });
        md.append("![speedup](speedup.svg)\n\n");
    }

    private static void overhead(StringBuilder md, Results r) {
        List<Row> rows = r.rows().stream().filter(row -> row.subject().op().equals("overhead")).toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Call overhead: dot of a few elements\n\n");
        pivot(md, rows, row -> time(row.secondsPerOp()));
    }
}
