package dev.corebound.internal.process;

import dev.corebound.Backend;
import dev.corebound.Platform;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command that starts a worker JVM: this JVM's java, the flags a worker
 * needs, the class path a worker needs, and the archive it starts from. Each
 * part is kept to what a worker uses before its first task, because every
 * part costs start-up time.
 *
 * <p><b>Flags.</b> A worker inherits this JVM's flags (compiler, CPU
 * features, system properties) except those that would make it slower to
 * start, step on this JVM, or change from one run to the next (which would
 * make a new archive every time): agents and debuggers, logging, flight
 * recording, this JVM's own archive options, module options (a worker runs
 * corebound on the class path), heap sizes (a worker computes on shared
 * memory and sizes its own heap) and compile commands (JMH hands each fork a
 * new file of them). It adds native access, quiet output (stdout is the reply
 * channel), the serial collector and no perf-data file unless this JVM chose
 * otherwise: a worker hardly allocates, and needs neither G1's threads nor a
 * file in /tmp.
 *
 * <p><b>The Vector API.</b> Resolving an incubator module at start-up costs
 * about 30 ms and, in JDK 25, rules out the archived module graph and AOT
 * linking ({@code ModuleBootstrap} archives no boot layer with incubator
 * modules). So workers start without {@code jdk.incubator.vector}, and only a
 * pool that runs a {@link Backend#JAVA_VECTOR} task starts workers with it.
 *
 * <p><b>Class path.</b> Only where corebound's classes and their runtime
 * dependencies (JavaCPP's org.bytedeco jars) are, not this JVM's whole class
 * path; a fat jar holding everything stays one entry.
 */
final class WorkerJvm {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final System.Logger LOG = System.getLogger(WorkerJvm.class.getName());
    /** This JVM's flags a worker must not inherit, by prefix. */
    private static final List<String> NOT_INHERITED = List.of(
            "--", "-javaagent", "-agentlib", "-agentpath", "-Xrun", "-Xdebug", "-Djdk.module.",
            "-Xlog", "-Xloggc", "-verbose", "-XX:StartFlightRecording", "-XX:FlightRecorderOptions",
            "-Xshare", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-XX:SharedClassListFile",
            "-XX:DumpLoadedClassList", "-XX:AOT", "-XX:+AOT", "-XX:-AOT", "-XX:+AutoCreateSharedArchive",
            "-XX:ErrorFile", "-Xms", "-Xmx", "-XX:InitialHeapSize", "-XX:MaxHeapSize", "-XX:MinHeapSize",
            "-XX:CompileCommand");

    private WorkerJvm() {
    }

    /** Computed once: this JVM's flags and class path do not change. */
    private static final class Holder {
        static final List<String> INHERITED = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(f -> NOT_INHERITED.stream().noneMatch(f::startsWith))
                .toList();
        static final String CLASS_PATH = classPath();
    }

    /** True when a worker started with {@code vector} can run {@code backend}'s tasks. */
    static boolean canRun(boolean vector, Backend backend) {
        return vector || backend != Backend.JAVA_VECTOR;
    }

    /** True when this JVM has the Vector API, so that workers can be given it. */
    private static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The whole command for a worker of the pool in {@code dir}, with the Vector API module when {@code vector}. */
    static List<String> command(Path dir, boolean vector) {
        List<String> flags = flags(vector);
        List<String> cmd = new ArrayList<>(List.of(Platform.javaLauncher()));
        cmd.addAll(flags);
        WorkerArchive.forWorkers(Platform.javaLauncher(), flags, Holder.CLASS_PATH, false).ifPresent(cmd::add);
        cmd.add("-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log")); // a crash report goes to the private directory
        cmd.addAll(List.of("-cp", Holder.CLASS_PATH, WorkerMain.class.getName(), dir.toString()));
        return cmd;
    }

    /** Builds the archive for the workers pools start by default, if it is missing, and waits for it. */
    static void prepareArchive() {
        WorkerArchive.forWorkers(Platform.javaLauncher(), flags(false), Holder.CLASS_PATH, true);
    }

    /** The flags of a worker, without the per-pool ones (its archive and crash-report path). */
    static List<String> flags(boolean vector) {
        List<String> flags = new ArrayList<>(Holder.INHERITED);
        flags.add("--enable-native-access=ALL-UNNAMED");
        if (vector && vectorAvailable()) {
            flags.add("--add-modules=" + VECTOR_MODULE);
        }
        if (flags.stream().noneMatch(f -> f.matches("-XX:\\+Use\\w+GC"))) {
            flags.add("-XX:+UseSerialGC");
        }
        if (flags.stream().noneMatch(f -> f.startsWith("-XX:+UsePerfData") || f.startsWith("-XX:-UsePerfData"))) {
            flags.add("-XX:-UsePerfData");
        }
        // Nothing the VM says may reach stdout, the reply pipe: its messages and logging go to stderr.
        flags.addAll(List.of("-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:-CreateCoredumpOnCrash"));
        return flags;
    }

    /** The class path a worker needs, or this JVM's whole class path when the pieces cannot be told apart. */
    static String classPath() {
        Module module = WorkerJvm.class.getModule();
        Optional<List<Path>> entries = module.isNamed() ? moduleLocations(module) : classPathEntries();
        String full = System.getProperty("java.class.path");
        return entries.filter(e -> !e.isEmpty())
                .map(e -> e.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)))
                .orElse(full);
    }

    /** On the module path: the files of corebound's module and of the org.bytedeco modules it was resolved with. */
    private static Optional<List<Path>> moduleLocations(Module module) {
        List<Path> paths = new ArrayList<>();
        for (ResolvedModule m : module.getLayer().configuration().modules()) {
            if (m.name().equals(module.getName()) || m.name().startsWith("org.bytedeco")) {
                Optional<Path> path = m.reference().location().flatMap(WorkerJvm::file);
                if (path.isEmpty()) {
                    return Optional.empty();
                }
                paths.add(path.get());
            }
        }
        return Optional.of(paths);
    }

    /** On the class path: where this class was loaded from, and every entry holding org/bytedeco/. */
    private static Optional<List<Path>> classPathEntries() {
        Set<Path> entries = new LinkedHashSet<>();
        CodeSource own = WorkerJvm.class.getProtectionDomain().getCodeSource();
        Optional<Path> library = own == null ? Optional.empty() : uri(own.getLocation()).flatMap(WorkerJvm::file);
        if (library.isEmpty()) {
            return Optional.empty();
        }
        entries.add(library.get());
        try {
            String dependencies = "org/bytedeco/";
            for (URL url : Collections.list(WorkerJvm.class.getClassLoader().getResources(dependencies))) {
                Optional<Path> entry = entryHolding(url, dependencies);
                if (entry.isEmpty()) {
                    return Optional.empty();
                }
                entries.add(entry.get());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "workers get the whole class path: {0}", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(List.copyOf(entries));
    }

    /** The jar or directory a resource URL ({@code jar:file:/a.jar!/name} or {@code file:/dir/name}) points into. */
    private static Optional<Path> entryHolding(URL url, String name) {
        String s = url.toString();
        if (s.startsWith("jar:") && s.endsWith("!/" + name)) {
            return uri(s.substring("jar:".length(), s.length() - name.length() - 2)).flatMap(WorkerJvm::file);
        }
        if (s.startsWith("file:") && s.endsWith("/" + name)) {
            return uri(s.substring(0, s.length() - name.length())).flatMap(WorkerJvm::file);
        }
        return Optional.empty();
    }

    private static Optional<URI> uri(Object location) {
        try {
            return Optional.of(new URI(location.toString()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> file(URI uri) {
        return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri)) : Optional.empty();
    }
}
