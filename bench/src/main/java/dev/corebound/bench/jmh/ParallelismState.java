package dev.corebound.bench.jmh;

import dev.corebound.Backend;
import dev.corebound.parallel.Parallelism;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A backend and a parallelism for one trial (one fork); the parallelism is closed when the trial ends. */
@State(Scope.Benchmark)
public abstract class ParallelismState {

    @Param("JAVA_SCALAR")
    public String backend;

    /** A parallelism name as {@link Parallelism#parse} reads it, e.g. "threads(2)". */
    @Param("serial")
    public String parallelism;

    protected Parallelism workers;

    @Setup
    public void start() {
        workers = Parallelism.parse(parallelism);
        prepare(Backend.valueOf(backend));
    }

    /** Sets up what the benchmark needs, once the workers run. */
    protected abstract void prepare(Backend backend);

    @TearDown
    public void stop() {
        workers.close();
    }
}
