package dev.corebound.bench.jmh;

import dev.corebound.Backend;
import dev.corebound.Blas;
import dev.corebound.Corebound;
import dev.corebound.parallel.Parallelism;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.Arena;

/**
 * A backend under a parallelism, for one trial (one fork). Operands come from
 * the parallelism's own arena, which for processes(n) is shared memory, so
 * every parallelism computes in place.
 */
@State(Scope.Benchmark)
public abstract class BlasState {

    @Param("JAVA_SCALAR")
    public String backend;

    /** A parallelism name as {@link Parallelism#parse} reads it, e.g. "threads(2)". */
    @Param("serial")
    public String parallelism;

    protected Parallelism workers;
    protected Blas blas;

    @Setup
    public void start() {
        workers = Parallelism.parse(parallelism);
        blas = Corebound.blas(Backend.valueOf(backend), workers);
        allocate(workers.arena());
    }

    /** Allocates and fills the operands. */
    protected abstract void allocate(Arena arena);

    @TearDown
    public void stop() {
        workers.close();
    }
}
