package dev.corebound.bench.claims;

import dev.corebound.bench.report.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes claims.md and claims.json: each claim, its experiment, the figure measured here, the verdict and why. */
public final class ClaimsReport {

    private ClaimsReport() {
    }

    public static List<Path> write(Path dir, Map<String, String> machine, List<Claim> claims) throws IOException {
        Files.createDirectories(dir);
        return List.of(Files.writeString(dir.resolve("claims.md"), markdown(machine, claims)),
                Files.writeString(dir.resolve("claims.json"), json(machine, claims)));
    }

    /** The claims as a Markdown table, for claims.md and the README. */
    public static String table(List<Claim> claims) {
        StringBuilder md = new StringBuilder("| # | claim | experiment | measured here | verdict | why |\n"
                + "|---|---|---|---|---|---|\n");
        for (Claim c : claims) {
            md.append("| ").append(c.number()).append(" | ").append(c.statement()).append(" | ").append(c.experiment())
                    .append(" | ").append(c.figure()).append(" | **").append(c.verdict()).append("** | ")
                    .append(c.why()).append(" |\n");
        }
        return md.toString();
    }

    static String markdown(Map<String, String> machine, List<Claim> claims) {
        StringBuilder md = new StringBuilder("# The notes' claims, measured on the JVM\n\n");
        md.append("Each statement of the Python concurrency notes corebound grew from, turned into an experiment on "
                + "this machine. gil(n) is corebound's model of CPython's global interpreter lock.\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append('\n').append(table(claims));
        return md.toString();
    }

    static String json(Map<String, String> machine, List<Claim> claims) {
        String rows = claims.stream().map(c -> {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("number", Integer.toString(c.number()));
            f.put("claim", Json.string(c.statement()));
            f.put("experiment", Json.string(c.experiment()));
            f.put("figure", Json.string(c.figure()));
            f.put("verdict", Json.string(c.verdict().toString()));
            f.put("why", Json.string(c.why()));
            return "  " + Json.object(f);
        }).collect(Collectors.joining(",\n"));
        Map<String, String> top = new LinkedHashMap<>();
        top.put("machine", Json.stringObject(machine));
        top.put("claims", "[\n" + rows + "\n]");
        return Json.object(top) + "\n";
    }
}
