package dev.corebound.bench.cli;

import dev.corebound.bench.claims.Claim;
import dev.corebound.bench.claims.ClaimsReport;
import dev.corebound.bench.claims.Experiments;
import dev.corebound.bench.claims.PythonExperiments;
import dev.corebound.bench.claims.PythonRun;
import dev.corebound.bench.claims.Scale;
import dev.corebound.bench.python.CPythonScript;
import dev.corebound.bench.report.Machine;
import dev.corebound.bench.runner.ProgressLine;
import dev.corebound.parallel.ProcessPool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code corebound claims}: each claim of the notes corebound grew from,
 * measured on this JVM and, with the same workloads, on CPython.
 */
@Command(name = "claims", description = {
        "Tests each claim of the Python concurrency notes on the JVM and on CPython (python3 on the PATH, or --python),",
        "and writes claims.md and claims.json. About three minutes; --quick takes under a minute."})
final class ClaimsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Smaller experiments: under a minute.")
    boolean quick;

    @Option(names = "--python", paramLabel = "PATH",
            description = "A Python interpreter to run the experiments on (repeatable; a free-threaded build gets a "
                    + "column of its own). Default: python3 on the PATH; without one, the CPython column is skipped.")
    List<Path> pythons = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: corebound-results/claims-<date-time>).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path dir = out != null ? out : Main.defaultResultsFolder("claims-");
        int cores = Runtime.getRuntime().availableProcessors();
        List<CPythonScript> interpreters;
        try {
            interpreters = CPythonScript.find(pythons, System.getenv("PATH"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<String> skipped = new ArrayList<>();
        if (interpreters.isEmpty()) {
            skipped.add("CPython: skipped, no python3 on the PATH (" + CPythonScript.INSTALL_HINT + ")");
            System.err.println(skipped.get(0));
        }
        ProcessPool.prepareWorkerArchive(); // so that building it does not compete with the measurements
        Scale scale = quick ? Scale.quick() : Scale.standard();
        List<Claim> claims = new ArrayList<>();
        List<PythonRun> python = new ArrayList<>();
        try (Experiments experiments = new Experiments(scale, cores)) {
            List<Experiments.Step> steps = experiments.steps();
            ProgressLine progress = new ProgressLine(System.err, System.console() != null, steps.size() + interpreters.size());
            for (int i = 0; i < steps.size(); i++) {
                progress.step(i, steps.get(i).label());
                claims.add(steps.get(i).run().get());
            }
            for (int i = 0; i < interpreters.size(); i++) {
                CPythonScript interpreter = interpreters.get(i);
                progress.step(steps.size() + i, "the experiments on " + interpreter.interpreter());
                try {
                    python.add(PythonExperiments.run(interpreter, scale, quick, experiments.workers(), claims));
                } catch (IOException e) {
                    skipped.add("CPython: " + interpreter.interpreter() + " failed: " + e.getMessage());
                }
            }
            progress.finish();
        }
        new ClaimsReport(Machine.facts(), claims, python, skipped).write(dir);
        for (Claim c : claims) {
            System.out.printf("%2d. %s%n    JVM: %s%n    -> %s%n", c.number(), c.statement(), c.figure(), c.verdict());
            for (PythonRun p : python) {
                PythonRun.Finding f = p.findings().get(c.number());
                System.out.printf("    %s: %s%n    -> %s%n", p.label(), f.figure(), f.verdict() == null ? "not measured"
                        : f.verdict() + "; " + f.comparison());
            }
        }
        skipped.forEach(System.out::println);
        System.out.println("report: " + dir.resolve("claims.md"));
        return 0;
    }
}
