package dev.corebound.spark;

import dev.corebound.Backend;
import dev.corebound.BackendStatus;
import dev.corebound.Corebound;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the executors run corebound with: one small task per task slot reports
 * its host, process, where its corebound classes came from and whether a
 * backend loaded there (and, if not, why).
 */
public final class ExecutorCheck {

    private ExecutorCheck() {
    }

    /** One executor JVM as a task on it saw it. */
    public record Executor(String host, long pid, String coreboundJar, boolean available, String backendStatus)
            implements Serializable {

        @Override
        public String toString() {
            return host + " pid " + pid + ": " + backendStatus + " (corebound from " + coreboundJar + ")";
        }
    }

    /** Every executor JVM that ran one of the probe tasks, once each. */
    public static List<Executor> probe(JavaSparkContext sc, Backend backend) {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < sc.defaultParallelism(); i++) {
            slots.add(i);
        }
        Set<Executor> seen = new LinkedHashSet<>(sc.parallelize(slots, slots.size()).map(slot -> here(backend)).collect());
        return List.copyOf(seen);
    }

    private static Executor here(Backend backend) {
        BackendStatus status = Corebound.available().stream().filter(s -> s.backend() == backend).findFirst().orElseThrow();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        return new Executor(host, ProcessHandle.current().pid(),
                String.valueOf(Corebound.class.getProtectionDomain().getCodeSource().getLocation()),
                status.available(), backend + " " + (status.available() ? "available: " : "unavailable: ") + status.detail());
    }
}
