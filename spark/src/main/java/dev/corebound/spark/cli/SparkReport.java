package dev.corebound.spark.cli;

import dev.corebound.bench.report.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@code corebound spark} results folder in the shape {@code compare}
 * writes: results.json (the facts and every run's time), results.csv (one row
 * a measurement) and report.md. It uses the tool's JSON writer; there are no
 * charts (two contenders a table says as well).
 */
final class SparkReport {

    private SparkReport() {
    }

    /**
     * @param facts        the machine and the Spark setup, name to value, in report order
     * @param warmup       unmeasured runs per contender first
     * @param iterations   measured runs per contender
     * @param outcome      what was measured and checked
     */
    record Contents(Map<String, String> facts, int warmup, int iterations, Comparison.Outcome outcome) {
    }

    static List<Path> write(Path dir, Contents contents) throws IOException {
        Files.createDirectories(dir);
        return List.of(Files.writeString(dir.resolve("results.json"), json(contents)),
                Files.writeString(dir.resolve("results.csv"), csv(contents)),
                Files.writeString(dir.resolve("report.md"), markdown(contents)));
    }

    static String json(Contents c) {
        Map<String, String> top = new LinkedHashMap<>();
        top.put("machine", Json.stringObject(c.facts()));
        top.put("warmup", Integer.toString(c.warmup()));
        top.put("iterations", Integer.toString(c.iterations()));
        top.put("rows", "[\n" + c.outcome().measurements().stream().map(m -> "  " + Json.object(fields(m)))
                .collect(Collectors.joining(",\n")) + "\n]");
        top.put("checks", "[" + c.outcome().notes().stream().map(Json::string).collect(Collectors.joining(", ")) + "]");
        return Json.object(top) + "\n";
    }

    private static Map<String, String> fields(Measurement m) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("op", Json.string(m.op()));
        f.put("implementation", Json.string(m.implementation()));
        f.put("runsOn", Json.string(m.runsOn()));
        f.put("workers", Integer.toString(m.workers()));
        f.put("size", Long.toString(m.size()));
        f.put("block", Integer.toString(m.block()));
        f.put("medianSeconds", Json.number(m.median()));
        f.put("minSeconds", Json.number(m.min()));
        f.put("maxSeconds", Json.number(m.max()));
        f.put("gflops", Json.number(m.gflops()));
        f.put("seconds", "[" + m.seconds().stream().map(Json::number).collect(Collectors.joining(", ")) + "]");
        return f;
    }

    static String csv(Contents c) {
        StringBuilder sb = new StringBuilder("op,implementation,runs_on,workers,size,block,median_seconds,min_seconds,"
                + "max_seconds,gflops\n");
        for (Measurement m : c.outcome().measurements()) {
            sb.append(String.join(",", m.op(), m.implementation(), '"' + m.runsOn() + '"', Integer.toString(m.workers()),
                    Long.toString(m.size()), Integer.toString(m.block()), number(m.median()), number(m.min()),
                    number(m.max()), number(m.gflops()))).append('\n');
        }
        return sb.toString();
    }

    private static String number(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "";
    }

    static String markdown(Contents c) {
        StringBuilder md = new StringBuilder("# corebound spark\n\n| | |\n|---|---|\n");
        c.facts().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        md.append("\nEach time is the median of ").append(c.iterations())
                .append(" runs after ").append(c.warmup()).append(" warm-up runs, with the fastest and slowest run; "
                        + "the contenders of a table ran in turn, round by round, in one run of the tool.\n");
        List<Measurement> all = c.outcome().measurements();
        List<Measurement> blocks = all.stream().filter(m -> m.op().equals("blockMultiply")).toList();
        if (!blocks.isEmpty()) {
            Measurement first = blocks.getFirst();
            md.append(String.format(Locale.ROOT, "%n## Block multiply, n = %d in %d x %d blocks%n%n", first.size(),
                    first.block(), first.block()));
            md.append("Both multiply the same cached blocks, shuffled into the same partitions (MLlib's grid layout); "
                    + "GFLOP/s is 2 n³ / median time, the time from the multiply call until every block of C is computed.\n\n");
            table(md, blocks);
            speedups(md, blocks);
        }
        List<Measurement> sliced = all.stream().filter(m -> !m.op().equals("blockMultiply")).toList();
        if (!sliced.isEmpty()) {
            md.append("\n## corebound's slices on Spark and on one machine\n\nThe same slices, as Spark tasks and on "
                    + "threads of one JVM; the results agree bit for bit (see the checks).\n\n");
            table(md, sliced);
            speedups(md, sliced);
        }
        md.append("\n## Checks\n\n");
        c.outcome().notes().forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private static void table(StringBuilder md, List<Measurement> rows) {
        md.append("| operation | size | implementation | runs on | workers | median time | fastest to slowest | GFLOP/s |\n"
                + "|---|---:|---|---|---:|---:|---:|---:|\n");
        for (Measurement m : rows) {
            md.append("| ").append(m.op()).append(" | ").append(m.size()).append(" | ").append(m.implementation())
                    .append(" | ").append(m.runsOn()).append(" | ").append(m.workers()).append(" | ")
                    .append(Summary.millis(m.median())).append(" | ").append(Summary.millis(m.min())).append(" to ")
                    .append(Summary.millis(m.max())).append(" | ").append(Summary.gflops(m)).append(" |\n");
        }
    }

    /** For each operation: how many times the time of the faster the slower of its first and each other contender takes. */
    private static void speedups(StringBuilder md, List<Measurement> rows) {
        md.append('\n');
        Map<String, List<Measurement>> byOp = rows.stream()
                .collect(Collectors.groupingBy(Measurement::op, LinkedHashMap::new, Collectors.toList()));
        byOp.forEach((op, ms) -> {
            for (Measurement other : ms.subList(1, ms.size())) {
                Measurement slower = other.median() >= ms.getFirst().median() ? other : ms.getFirst();
                Measurement faster = slower == other ? ms.getFirst() : other;
                md.append(String.format(Locale.ROOT, "- %s: %s on %s takes %.2fx the time of %s on %s.%n", op,
                        slower.implementation(), slower.runsOn(), slower.median() / faster.median(),
                        faster.implementation(), faster.runsOn()));
            }
        });
    }
}
