package dev.corebound.spark.cli;

import dev.corebound.Backend;
import dev.corebound.spark.LocalSpark;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code corebound spark}: its options, and a tiny comparison written as report files. */
class SparkCommandTest {

    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = LocalSpark.start("SparkCommandTest");
    }

    @AfterAll
    static void stop() {
        sc.stop();
    }

    private static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new SparkCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEveryOption() {
        StringWriter out = new StringWriter();
        assertEquals(0, execute(out, new StringWriter(), "--help"));
        for (String option : List.of("--master", "--n", "--block", "--backend", "--iterations", "--out")) {
            assertTrue(out.toString().contains(option), option + " missing from:\n" + out);
        }
    }

    @Test
    void badSizesAreRefusedBeforeSparkStarts() {
        StringWriter err = new StringWriter();
        assertEquals(2, execute(new StringWriter(), err, "--n", "0"));
        assertTrue(err.toString().contains("must be at least 1"), err.toString());
    }

    @Test
    void aSmallComparisonWritesTheReportFiles(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Comparison.Settings settings = new Comparison.Settings(96, 32, Backend.NATIVE, 1, 1, 1 << 21, 64);
        SparkReport.Contents contents = SparkCommand.run(sc, settings,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        SparkReport.write(dir, contents);

        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(1 + 8, csv.size(), String.join("\n", csv)); // a header, two contenders for each of four operations
        assertTrue(csv.get(1).startsWith("blockMultiply,corebound NATIVE,\"spark local[2]\",2,96,32,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("blockMultiply,MLlib,"), csv.get(2));
        String json = Files.readString(dir.resolve("results.json"));
        assertTrue(json.contains("\"op\": \"mandelbrot\""), json);
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("## Block multiply, n = 96 in 32 x 32 blocks"), report);
        assertTrue(report.contains("- gemm: Spark and one machine agree bit for bit"), report);
        assertTrue(report.contains("block multiply: corebound and MLlib agree"), report);
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("executor "), progress.toString(StandardCharsets.UTF_8));
    }
}
