package dev.corebound.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The corebound command-line tool. */
@Command(name = "corebound", mixinStandardHelpOptions = true, version = "corebound 0.1.0",
        scope = CommandLine.ScopeType.INHERIT, // every command takes --help and --version
        description = "Runs corebound's kernels and benchmarks on this machine.",
        subcommands = {InfoCommand.class, PeakCommand.class, CompareCommand.class, ClaimsCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code, for tests. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
