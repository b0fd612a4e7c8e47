package dev.corebound.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs independent pieces of work (corebound's slices) as Spark tasks and
 * returns their results in piece order, whichever executor ran them and
 * whenever they finished: the caller combines them in that order, as
 * corebound's parallelisms do, so the result does not depend on the cluster.
 *
 * <p>Slices are the unit of arithmetic and are fixed by the problem's shape;
 * partitions are the unit of scheduling. Pieces are dealt round-robin to at
 * most {@value #PARTITIONS_PER_SLOT} partitions per task slot, so that slices
 * of uneven cost (Mandelbrot rows near the set) spread over several tasks and
 * the scheduler can even out the rest.
 */
final class SliceJob {

    /** Partitions per task slot: more tasks than slots, so that a slow one does not hold the others up. */
    static final int PARTITIONS_PER_SLOT = 4;

    private SliceJob() {
    }

    /** A piece or its result, with its place in the caller's list. */
    record Indexed<V>(int index, V value) implements Serializable {
    }

    static int partitions(JavaSparkContext sc, int pieces) {
        return Math.max(1, Math.min(pieces, PARTITIONS_PER_SLOT * sc.defaultParallelism()));
    }

    /** {@code work} applied to every piece on the executors; the results in the order of {@code pieces}. */
    static <T extends Serializable, R> List<R> run(JavaSparkContext sc, List<T> pieces, Function<T, R> work) {
        int partitions = partitions(sc, pieces.size());
        List<ArrayList<Indexed<T>>> dealt = new ArrayList<>(); // partition p runs pieces p, p + partitions, ...
        for (int p = 0; p < partitions; p++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < pieces.size(); i++) {
            dealt.get(i % partitions).add(new Indexed<>(i, pieces.get(i)));
        }
        List<Indexed<R>> done = sc.parallelize(dealt, partitions).flatMap(group -> {
            List<Indexed<R>> results = new ArrayList<>(group.size());
            for (Indexed<T> piece : group) {
                results.add(new Indexed<>(piece.index(), work.call(piece.value())));
            }
            return results.iterator();
        }).collect();
        Object[] ordered = new Object[pieces.size()];
        for (Indexed<R> result : done) {
            ordered[result.index()] = result.value();
        }
        @SuppressWarnings("unchecked") // every element was produced by work, so it is an R
        List<R> results = (List<R>) Arrays.asList(ordered);
        return results;
    }
}
