package dev.corebound.bench.cli;

import dev.corebound.bench.claims.Claim;
import dev.corebound.bench.claims.ClaimsReport;
import dev.corebound.bench.claims.Experiments;
import dev.corebound.bench.claims.Scale;
import dev.corebound.bench.report.Machine;
import dev.corebound.bench.runner.ProgressLine;
import dev.corebound.parallel.ProcessPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code corebound claims}: each claim of the notes corebound grew from, measured on this JVM. */
@Command(name = "claims", description = {
        "Tests each claim of the Python concurrency notes on the JVM and writes claims.md and claims.json.",
        "About two minutes; --quick takes under thirty seconds."})
final class ClaimsCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Smaller experiments: under thirty seconds.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: corebound-results/claims-<date-time>).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path dir = out != null ? out : Main.defaultResultsFolder("claims-");
        int cores = Runtime.getRuntime().availableProcessors();
        ProcessPool.prepareWorkerArchive(); // so that building it does not compete with the measurements
        List<Claim> claims = new ArrayList<>();
        try (Experiments experiments = new Experiments(quick ? Scale.quick() : Scale.standard(), cores)) {
            List<Experiments.Step> steps = experiments.steps();
            ProgressLine progress = new ProgressLine(System.err, System.console() != null, steps.size());
            for (int i = 0; i < steps.size(); i++) {
                progress.step(i, steps.get(i).label());
                claims.add(steps.get(i).run().get());
            }
            progress.finish();
        }
        ClaimsReport.write(dir, Machine.facts(), claims);
        for (Claim c : claims) {
            System.out.printf("%2d. %s%n    %s%n    -> %s%n", c.number(), c.statement(), c.figure(), c.verdict());
        }
        System.out.println("report: " + dir.resolve("claims.md"));
        return 0;
    }
}
