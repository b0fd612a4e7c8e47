package dev.corebound.bench.cli;

import dev.corebound.Corebound;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The corebound command-line tool. */
@Command(name = "corebound", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        scope = CommandLine.ScopeType.INHERIT, // every command takes --help and --version
        description = "Runs corebound's kernels and benchmarks on this machine.",
        subcommands = {InfoCommand.class, PeakCommand.class, CompareCommand.class, ClaimsCommand.class},
        footer = {"", "bench/bin/corebound spark [--master URL] ... runs corebound's kernels on Apache Spark; it comes "
                + "from the spark module's own jar (see its --help), so that Spark stays out of this one."})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** corebound-results/&lt;prefix&gt;&lt;date-time&gt;: where a command writes when not given --out. */
    static Path defaultResultsFolder(String prefix) {
        return Path.of("corebound-results", prefix + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** Runs the tool and returns its exit code, for tests. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** --version: the library's version, written once in the parent pom. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"corebound " + Corebound.version()};
        }
    }
}
