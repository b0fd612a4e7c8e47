package dev.corebound.bench.cli;

import dev.corebound.bench.python.CPythonScript;
import dev.corebound.bench.python.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool's commands, run as a user would, on plans small enough for a unit test. */
class CliTest {

    private static final List<String> VERDICTS = List.of("holds", "does not hold", "holds only under gil(n)");

    record Run(int exit, String out, String err) {
    }

    /** Runs the tool in this JVM, capturing what it prints. */
    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** compare with {@code filters}, each JMH entry measured in one 50 ms iteration, its results in {@code out}. */
    private static Run tinyCompare(Path out, String... filters) {
        List<String> args = new ArrayList<>(List.of("compare"));
        args.addAll(List.of(filters));
        args.addAll(List.of("--forks", "1", "--warmup", "0", "--iterations", "1", "--time", "50", "--out", out.toString()));
        return run(args.toArray(String[]::new));
    }

    private static void assertContains(String haystack, String needle, Supplier<String> context) {
        assertTrue(haystack.contains(needle), () -> "missing \"" + needle + "\" in:\n" + haystack + context.get());
    }

    @Test
    void infoListsEveryBackend() {
        Run r = run("info");
        assertEquals(0, r.exit(), r.err());
        for (String b : List.of("JAVA_SCALAR", "JAVA_VECTOR", "NATIVE", "OPENBLAS", "OPENBLAS_JNI")) {
            assertContains(r.out(), b + " ", () -> "");
        }
        assertContains(r.out(), "tuning", () -> "");
    }

    @Test
    void peakQuickMeasuresPositiveRates() {
        Run r = run("peak", "--quick", "--cores", "1");
        assertEquals(0, r.exit(), r.err());
        for (String line : r.out().lines().toList()) {
            double value = Double.parseDouble(line.replaceAll("^\\D*([0-9.]+).*$", "$1"));
            assertTrue(value > 0, line);
        }
    }

    @Test
    void compareOnATinyPlanWritesEveryFile(@TempDir Path dir) throws Exception {
        Run r = run("compare", "--op", "dot,gemm", "--backend", "JAVA_SCALAR,NATIVE", "--size", "128,1000",
                "--forks", "1", "--warmup", "0", "--iterations", "1", "--time", "100", "--out", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());

        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(5, csv.size(), "a header and four rows: " + csv);
        for (String row : csv.subList(1, csv.size())) {
            double seconds = Double.parseDouble(row.split(",")[5]);
            assertTrue(seconds > 0 && seconds < 10, row);
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertContains(report, "## gemm (GFLOP/s)", () -> "");
        assertContains(report, "## dot (GB/s)", () -> "");
        String json = Files.readString(dir.resolve("results.json"));
        assertContains(json, "\"jmh\": [", () -> "");
        assertContains(json, "\"primaryMetric\"", () -> "");

        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
        for (String chart : List.of("gemm_gflops", "dot_gbs")) {
            Document svg = xml.newDocumentBuilder().parse(dir.resolve(chart + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getNodeName());
            BufferedImage png = ImageIO.read(dir.resolve(chart + ".png").toFile());
            assertNotNull(png, chart + ".png is not a PNG");
            assertTrue(png.getWidth() > 100 && png.getHeight() > 100);
        }
    }

    @Test
    void aSecondRunIntoTheSameFolderReplacesJmhsLog(@TempDir Path dir) throws Exception {
        for (int run = 0; run < 2; run++) {
            Run r = tinyCompare(dir, "--op", "dot", "--backend", "JAVA_SCALAR", "--size", "1000");
            assertEquals(0, r.exit(), r.out() + r.err());
        }
        long benchmarks = Files.readAllLines(dir.resolve("jmh.log")).stream().filter(l -> l.startsWith("# Benchmark:")).count();
        assertEquals(1, benchmarks, "jmh.log holds the last run only");
    }

    @Test
    void repeatRunsEveryEntryAgainAndReportsTheSpread(@TempDir Path dir) throws Exception {
        Run r = tinyCompare(dir, "--op", "dot", "--backend", "JAVA_SCALAR", "--size", "1000", "--repeat", "2");
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(2, csv.size(), "a header and one row: " + csv);
        List<String> header = List.of(csv.get(0).split(","));
        String[] row = csv.get(1).split(",");
        double median = Double.parseDouble(row[header.indexOf("seconds_per_op")]);
        double min = Double.parseDouble(row[header.indexOf("min_seconds")]);
        double max = Double.parseDouble(row[header.indexOf("max_seconds")]);
        assertEquals("2", row[header.indexOf("runs")], csv.get(1));
        assertTrue(min <= median && median <= max, csv.get(1));
        assertContains(Files.readString(dir.resolve("report.md")), "over 2 runs", () -> "");
        assertTrue(Files.readString(dir.resolve("results.json")).matches("(?s).*\"runSeconds\": \\[[^,\\]]+, [^,\\]]+\\].*"),
                "results.json has both runs");
        assertEquals(2, run("compare", "--repeat", "0").exit());
    }

    @Test
    void claimsQuickGivesEveryClaimAFigureAndAVerdictOnTheJvmAndOnCPython(@TempDir Path dir) throws Exception {
        Run r = run("claims", "--quick", "--out", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode report = JsonNode.parse(Files.readString(dir.resolve("claims.json")));
        List<JsonNode> claims = report.get("claims").list();
        assertEquals(10, claims.size(), report.toString());
        boolean python = CPythonScript.onPath(System.getenv("PATH")).isPresent();
        assertEquals(python ? 1 : 0, report.get("python").list().size(), report.get("skipped").toString());
        for (int i = 0; i < claims.size(); i++) {
            JsonNode c = claims.get(i);
            assertEquals(i + 1, c.get("number").integer());
            assertTrue(c.get("figure").text().matches(".*\\d.*"), "claim " + (i + 1) + " has no measured figure");
            assertTrue(VERDICTS.contains(c.get("verdict").text()), "claim " + (i + 1) + ": " + c.get("verdict"));
            assertFalse(c.get("why").text().isBlank(), "claim " + (i + 1) + " says no why");
            for (JsonNode p : c.get("python").list()) {
                boolean numpyClaim = i + 1 == 9;
                if (!numpyClaim || !p.get("verdict").isNull()) {
                    assertTrue(VERDICTS.contains(p.get("verdict").text()), "claim " + (i + 1) + " on " + p);
                    assertTrue(p.get("figure").text().matches(".*\\d.*"), "claim " + (i + 1) + " on " + p);
                    assertTrue(p.get("comparison").text().matches("(agree|differ).*"), "claim " + (i + 1) + " on " + p);
                }
            }
        }
        String md = Files.readString(dir.resolve("claims.md"));
        assertContains(md, "| 10 |", () -> "");
        if (python) {
            assertContains(md, "CPython 3.", () -> "");
        } else {
            assertContains(r.err(), "CPython: skipped, no python3 on the PATH", () -> "");
        }
    }

    /** Whether {@code python} imports NumPy, asked of the interpreter itself. */
    private static boolean importsNumpy(Path python) throws Exception {
        Process p = new ProcessBuilder(python.toString(), "-c", "import numpy").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }

    @Test
    void compareRunsNumpyInTheSameTablesAsTheJvm(@TempDir Path dir) throws Exception {
        Run r = tinyCompare(dir, "--op", "dot", "--backend", "JAVA_SCALAR,numpy,numpy_tuned", "--size", "1000");
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertTrue(csv.get(1).startsWith("dot,JAVA_SCALAR,serial,"), "the JVM's row is measured: " + csv);
        Optional<Path> python = CPythonScript.onPath(System.getenv("PATH"));
        if (python.isEmpty() || !importsNumpy(python.get())) {
            assertContains(r.err(), "NumPy: skipped, ", () -> "");
            return;
        }
        String threads = "nativeThreads(" + Runtime.getRuntime().availableProcessors() + ")";
        for (String row : List.of("dot,numpy,serial,", "dot,numpy," + threads + ",")) {
            String line = csv.stream().filter(l -> l.startsWith(row)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + row + " row in " + csv));
            double seconds = Double.parseDouble(line.split(",")[5]);
            assertTrue(seconds > 0 && seconds < 1, line);
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.matches("(?s).*\\| numpy \\| NumPy \\d.* on .*: \\w+ kernels.*"), report);
    }

    /** An interpreter that cannot see its site-packages, so NumPy cannot be imported. */
    @Test
    void withoutNumpyCompareSaysWhatWasSkippedAndSucceeds(@TempDir Path dir) throws Exception {
        Optional<Path> python = CPythonScript.onPath(System.getenv("PATH"));
        Assumptions.assumeTrue(python.isPresent(), "no python3 on the PATH");
        Path noSite = dir.resolve("python-no-site");
        Files.writeString(noSite, "#!/bin/sh\nexec " + python.get() + " -S \"$@\"\n");
        Files.setPosixFilePermissions(noSite, PosixFilePermissions.fromString("rwx------"));
        Path out = dir.resolve("out");
        Run r = tinyCompare(out, "--op", "dot", "--backend", "JAVA_SCALAR,numpy", "--size", "1000", "--python",
                noSite.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("NumPy: skipped, NumPy ")).count(), r.err());
        assertEquals(2, Files.readAllLines(out.resolve("results.csv")).size(), "a header and JAVA_SCALAR's row");
        String report = Files.readString(out.resolve("report.md"));
        assertContains(report, "**Skipped:** NumPy: skipped, NumPy ", () -> "");
        assertFalse(report.contains("Interrupted"), report);
    }

    @Test
    void badOptionsSayWhatIsAllowed() {
        Run r = run("compare", "--backend", "CUDA");
        assertEquals(2, r.exit());
        assertContains(r.err(), "unknown value 'CUDA' for --backend; allowed: ", () -> "");
        assertContains(r.err(), "JAVA_VECTOR", () -> "");
        r = run("compare", "--quick", "--full");
        assertEquals(2, r.exit());
        assertContains(r.err(), "mutually exclusive", () -> "");
        r = run("compare", "--size", "7");
        assertEquals(2, r.exit());
        assertContains(r.err(), "the filters leave nothing to run", () -> "");
    }

    @Test
    void everyCommandTakesHelp() {
        for (String command : new String[]{"info", "peak", "compare", "claims"}) {
            Run r = run(command, "--help");
            assertEquals(0, r.exit(), command + ": " + r.err());
            assertContains(r.out(), "Usage: corebound " + command, () -> command);
        }
    }
}
