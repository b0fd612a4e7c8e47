package dev.corebound.bench.report;

import dev.corebound.bench.plan.Subject;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The report's charts, each as SVG and PNG: GFLOP/s (gemm) or GB/s (gemv, dot,
 * axpy) against n, and speedup against workers for each parallelism.
 */
final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    /** The operations measured as a rate against n, in report order. */
    static final List<String> RATE_OPS = List.of("gemm", "gemv", "dot", "axpy");

    private Charts() {
    }

    /** The file name, without extension, of an operation's rate chart. */
    static String rateChart(String op, boolean memoryBound) {
        return op + (memoryBound ? "_gbs" : "_gflops");
    }

    static List<Path> write(Path dir, Results r) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> files = new ArrayList<>();
        for (String op : RATE_OPS) {
            files.addAll(rateAgainstSize(dir, r, op));
        }
        speedup(r).ifPresent(c -> files.addAll(save(c, dir.resolve("speedup"))));
        return files;
    }

    private static List<Path> save(XYChart chart, Path base) {
        try {
            BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + base + ": " + e.getMessage(), e);
        }
        return List.of(Path.of(base + ".png"), Path.of(base + ".svg"));
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        return chart;
    }

    /** One series per implementation, serial runs only, against n on a log axis; no files when op was not run. */
    private static List<Path> rateAgainstSize(Path dir, Results r, String op) {
        Map<String, List<Row>> series = new LinkedHashMap<>();
        r.rows().stream()
                .filter(row -> row.subject().op().equals(op) && row.subject().parallelism().equals("serial"))
                .forEach(row -> series.computeIfAbsent(row.subject().implementation(), k -> new ArrayList<>()).add(row));
        if (series.isEmpty()) {
            return List.of();
        }
        boolean memory = series.values().iterator().next().get(0).subject().memoryBound();
        String unit = memory ? "GB/s" : "GFLOP/s";
        ToDoubleFunction<Row> rate = memory ? Row::gbs : Row::gflops;
        XYChart chart = chart(op + ": " + unit + " against n (one thread)", "n", unit);
        chart.getStyler().setXAxisLogarithmic(true);
        series.forEach((impl, rows) -> {
            rows.sort(Comparator.comparingLong(row -> row.subject().size()));
            chart.addSeries(impl, rows.stream().mapToDouble(row -> row.subject().size()).toArray(),
                    rows.stream().mapToDouble(rate).toArray()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        });
        return save(chart, dir.resolve(rateChart(op, memory)));
    }

    /** One series per (operation, backend, parallelism family): speedup over serial against workers, and the ideal. */
    private static Optional<XYChart> speedup(Results r) {
        Map<String, List<Row>> series = new LinkedHashMap<>();
        int maxWorkers = 1;
        for (Row row : r.rows()) {
            Subject s = row.subject();
            if (s.parallelism().equals("serial") || s.op().equals("overhead") || !Double.isFinite(r.speedupOverSerial(row))) {
                continue;
            }
            series.computeIfAbsent(s.op() + " " + s.implementation() + " " + s.family(), k -> new ArrayList<>()).add(row);
            maxWorkers = Math.max(maxWorkers, s.workers());
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = chart("Speedup over serial against workers", "workers", "speedup");
        chart.addSeries("ideal", new double[]{1, maxWorkers}, new double[]{1, maxWorkers});
        series.forEach((name, rows) -> {
            rows.sort(Comparator.comparingInt(row -> row.subject().workers()));
            chart.addSeries(name, rows.stream().mapToDouble(row -> row.subject().workers()).toArray(),
                    rows.stream().mapToDouble(r::speedupOverSerial).toArray());
        });
        return Optional.of(chart);
    }
}
