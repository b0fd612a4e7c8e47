package dev.corebound.bench.claims;

import dev.corebound.bench.claims.PythonRun.Finding;
import dev.corebound.bench.report.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes claims.md and claims.json: each claim, its experiment, the figure
 * measured on the JVM, the verdict and why, and beside them what each Python
 * interpreter measured and where the two agree and differ.
 *
 * @param machine   facts about the machine and the JVM
 * @param claims    the JVM's claims, in order
 * @param python    each interpreter's run, in the order given
 * @param skipped   why an interpreter was not run (no Python, a failed run), one line each
 */
public record ClaimsReport(Map<String, String> machine, List<Claim> claims, List<PythonRun> python, List<String> skipped) {

    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        return List.of(Files.writeString(dir.resolve("claims.md"), markdown()),
                Files.writeString(dir.resolve("claims.json"), json()));
    }

    /** One row per claim: the JVM's figure and verdict, then each interpreter's; for claims.md and the README. */
    public String table() {
        StringBuilder md = new StringBuilder("| # | claim | JVM: measured | JVM: verdict |");
        python.forEach(p -> md.append(' ').append(p.label()).append(": measured | ").append(p.label()).append(": verdict |"));
        md.append("\n|---|---|---|---|").append("---|---|".repeat(python.size())).append('\n');
        for (Claim c : claims) {
            md.append("| ").append(c.number()).append(" | ").append(c.statement()).append(" | ").append(c.figure())
                    .append(" | **").append(c.verdict()).append("** |");
            for (PythonRun p : python) {
                Finding f = p.findings().get(c.number());
                md.append(' ').append(f.figure()).append(" | ").append(f.verdict() == null ? "–" : "**" + f.verdict() + "**")
                        .append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# The notes' claims, measured on the JVM and on CPython\n\n");
        md.append("Each statement of the Python concurrency notes corebound grew from, turned into an experiment on "
                + "this machine, in Java and, where the experiment applies, in Python with the same workload. gil(n) is "
                + "corebound's model of CPython's global interpreter lock; the CPython column runs the real one.\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        python.forEach(p -> md.append("- ").append(p.label()).append(": ").append(p.description()).append('\n'));
        skipped.forEach(s -> md.append("- ").append(s).append('\n'));
        md.append('\n').append(table()).append('\n');
        for (Claim c : claims) {
            md.append("## ").append(c.number()).append(". ").append(c.statement()).append("\n\n");
            md.append("- JVM: ").append(c.experiment()).append(": ").append(c.figure()).append(". **").append(c.verdict())
                    .append("**: ").append(c.why()).append('\n');
            for (PythonRun p : python) {
                Finding f = p.findings().get(c.number());
                md.append("- ").append(p.label()).append(": ").append(f.figure()).append('.');
                if (f.verdict() != null) {
                    md.append(" **").append(f.verdict()).append("**. JVM and ").append(p.label()).append(": ")
                            .append(f.comparison()).append('.');
                }
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    String json() {
        String rows = claims.stream().map(c -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("number", Integer.toString(c.number()));
            f.put("claim", Json.string(c.statement()));
            f.put("experiment", Json.string(c.experiment()));
            f.put("figure", Json.string(c.figure()));
            f.put("verdict", Json.string(c.verdict().toString()));
            f.put("why", Json.string(c.why()));
            Map<String, String> measured = new LinkedHashMap<>();
            c.measured().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> measured.put(e.getKey(), Json.number(e.getValue())));
            f.put("measured", Json.object(measured));
            f.put("python", "[" + python.stream().map(p -> finding(p, p.findings().get(c.number())))
                    .collect(Collectors.joining(", ")) + "]");
            return "  " + Json.object(f);
        }).collect(Collectors.joining(",\n"));
        Map<String, String> top = new LinkedHashMap<>();
        top.put("machine", Json.stringObject(machine));
        top.put("python", "[" + python.stream().map(p -> {
            Map<String, String> run = new LinkedHashMap<>();
            run.put("label", Json.string(p.label()));
            run.put("description", Json.string(p.description()));
            run.put("document", p.document().trim());
            return Json.object(run);
        }).collect(Collectors.joining(",\n")) + "]");
        top.put("skipped", "[" + skipped.stream().map(Json::string).collect(Collectors.joining(", ")) + "]");
        top.put("claims", "[\n" + rows + "\n]");
        return Json.object(top) + "\n";
    }

    private static String finding(PythonRun p, Finding f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("interpreter", Json.string(p.label()));
        m.put("figure", Json.string(f.figure()));
        m.put("verdict", f.verdict() == null ? "null" : Json.string(f.verdict().toString()));
        m.put("comparison", Json.string(f.comparison()));
        return Json.object(m);
    }
}
