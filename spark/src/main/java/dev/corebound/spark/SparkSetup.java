package dev.corebound.spark;

import org.apache.spark.SparkConf;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Spark configuration corebound's jobs need: executors start with
 * corebound's JVM flags (Spark adds its own {@code --add-opens} to these), and
 * on a cluster they receive the application jar, which carries corebound and
 * its native library, so workers need nothing installed.
 */
public final class SparkSetup {

    /** corebound's flags for every JVM that runs its kernels: the Vector API module and native access (FFM). */
    public static final String COREBOUND_JVM_FLAGS = "--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED";

    private static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";

    private SparkSetup() {
    }

    /**
     * A configuration for {@code master} (for example {@code local[*]} or
     * {@code spark://host:7077}), on top of whatever spark-submit or system
     * properties set: corebound's flags are added to the executors' options,
     * this module's jar is shipped to them unless {@code spark.jars} is set, and
     * a local master stays on 127.0.0.1.
     */
    public static SparkConf conf(String master, String appName) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName);
        String options = conf.get(EXECUTOR_OPTIONS, "");
        if (!options.contains(COREBOUND_JVM_FLAGS)) {
            conf.set(EXECUTOR_OPTIONS, (options + " " + COREBOUND_JVM_FLAGS).trim());
        }
        if (master.startsWith("local")) {
            // Everything runs in this JVM: keep Spark's own connections on the loopback interface.
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!conf.contains("spark.jars")) {
            applicationJar().ifPresent(jar -> conf.set("spark.jars", jar.toString()));
        }
        return conf;
    }

    /** The jar this module was loaded from, when it was loaded from a jar (not from a classes folder). */
    public static Optional<Path> applicationJar() {
        try {
            Path location = Path.of(SparkSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
