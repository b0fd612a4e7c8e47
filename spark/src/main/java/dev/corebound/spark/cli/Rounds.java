package dev.corebound.spark.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Times contenders side by side: {@code warmup} rounds first (JIT, Spark's
 * first jobs, native loading on the executors), then {@code iterations} rounds
 * in which each contender runs once in turn, so that a change in the machine's
 * load falls on all of them alike.
 */
final class Rounds {

    private Rounds() {
    }

    /** Seconds of every measured run, one list per contender, in the contenders' order. */
    static List<List<Double>> time(List<Runnable> contenders, int warmup, int iterations) {
        for (int round = 0; round < warmup; round++) {
            contenders.forEach(Runnable::run);
        }
        List<List<Double>> seconds = new ArrayList<>();
        contenders.forEach(c -> seconds.add(new ArrayList<>()));
        for (int round = 0; round < iterations; round++) {
            for (int i = 0; i < contenders.size(); i++) {
                long start = System.nanoTime();
                contenders.get(i).run();
                seconds.get(i).add((System.nanoTime() - start) / 1e9);
            }
        }
        return seconds;
    }
}
