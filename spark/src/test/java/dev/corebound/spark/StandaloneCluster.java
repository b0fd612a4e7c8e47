package dev.corebound.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster made of Maven's jars, no Spark download: a master
 * and one worker, each a JVM of its own on 127.0.0.1 with free ports; the worker
 * starts executors as JVMs of their own. Its Spark home is a temporary folder
 * whose jars/ links to the jars Maven resolved (the class path file the build
 * writes), which is all a worker needs to build an executor's class path.
 *
 * <p>Every JVM of the cluster, executors included, carries
 * {@code -Dcorebound.cluster=<marker>} on its command line, so that
 * {@link #survivors} finds any that outlives {@link #close()}.
 */
final class StandaloneCluster implements AutoCloseable {

    static final String MARKER_PROPERTY = "corebound.cluster";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final String marker;
    private final Path home;
    private final List<Process> processes = new ArrayList<>(); // worker first: it is stopped first
    private String masterUrl;
    private int masterUiPort;

    private StandaloneCluster(String marker, Path home) {
        this.marker = marker;
        this.home = home;
    }

    /** Starts a master and a worker with {@code cores} cores and {@code memory} for executors, and waits for both. */
    static StandaloneCluster start(String marker, int cores, String memory, Duration timeout)
            throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(marker, Files.createTempDirectory("corebound-spark-home-"));
        try {
            cluster.launch(cores, memory);
            cluster.awaitWorker(timeout);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    Path home() {
        return home;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("the system property " + property + " is not set; run this test through "
                    + "Maven (mvn verify), which sets it");
        }
        return value;
    }

    private void launch(int cores, String memory) throws IOException {
        String classpath = Files.readString(Path.of(required("corebound.spark.classpath"))).trim();
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : classpath.split(java.io.File.pathSeparator)) {
            Path target = Path.of(jar);
            Files.createSymbolicLink(jars.resolve(target.getFileName()), target);
        }
        int masterPort = freePort();
        masterUiPort = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        processes.add(0, jvm(classpath, "master", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort)));
        Path work = Files.createDirectories(home.resolve("work"));
        processes.add(0, jvm(classpath, "worker", "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--port", Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()),
                "--cores", Integer.toString(cores), "--memory", memory, "--work-dir", work.toString(), masterUrl));
    }

    private Process jvm(String classpath, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(required("corebound.spark.jvmFlags").trim().split("\\s+")));
        command.addAll(List.of("-D" + MARKER_PROPERTY + "=" + marker, "-Xmx256m", "-cp", classpath,
                "-Dlog4j2.configurationFile=" + testLogConfig(), mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());          // the worker builds executors' class path from jars/
        env.put("SPARK_SCALA_VERSION", "2.13");          // what a distribution's scripts would set
        env.put("SPARK_LOCAL_IP", "127.0.0.1");          // executors bind to the loopback interface too
        env.put("JAVA_HOME", System.getProperty("java.home")); // executors run on this JDK
        return builder.start();
    }

    private static String testLogConfig() {
        try {
            return Path.of(StandaloneCluster.class.getResource("/log4j2-test.properties").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Polls the master's JSON page until one worker is alive. */
    private void awaitWorker(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Spark JVM exited with " + p.exitValue() + "\n" + logs());
                }
            }
            try {
                Matcher m = alive.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                if (m.find() && Integer.parseInt(m.group(1)) >= 1) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the master's web UI is not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no worker registered with the master within " + timeout + "\n" + logs());
    }

    /** The master's and worker's output, for a failure message. */
    String logs() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("master", "worker")) {
            Path log = home.resolve(name + ".log");
            try {
                sb.append("--- ").append(name).append(".log\n").append(Files.exists(log) ? Files.readString(log) : "(none)\n");
            } catch (IOException e) {
                sb.append("--- ").append(name).append(".log unreadable: ").append(e.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Stops the worker (and the executors it started) and the master: each
     * process tree is asked to stop, children first, then killed once the grace
     * period is over; then the Spark home is deleted.
     */
    @Override
    public void close() {
        for (Process p : processes) {
            List<ProcessHandle> tree = Stream.concat(p.descendants(), Stream.of(p.toHandle())).toList();
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle h : tree) {
                try {
                    h.onExit().get(STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception notStopped) {
                    h.destroyForcibly();
                }
            }
        }
        deleteHome();
    }

    private void deleteHome() {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the cluster's Spark home " + home, e);
        }
    }

    /** Every process still running with {@code marker} on its command line. */
    static List<ProcessHandle> survivors(String marker) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(MARKER_PROPERTY + "=" + marker)).orElse(false))
                .toList();
    }
}
