package dev.corebound.spark;

import org.apache.spark.api.java.JavaSparkContext;

/** The Spark every test class starts once: local[2], no web UI. */
public final class LocalSpark {

    private LocalSpark() {
    }

    public static JavaSparkContext start(String testClass) {
        return new JavaSparkContext(SparkSetup.conf("local[2]", testClass).set("spark.ui.enabled", "false"));
    }
}
