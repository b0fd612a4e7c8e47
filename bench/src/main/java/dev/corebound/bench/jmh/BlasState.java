package dev.corebound.bench.jmh;

import dev.corebound.Backend;
import dev.corebound.Blas;
import dev.corebound.Corebound;

import java.lang.foreign.Arena;

/**
 * A backend under a parallelism, for one trial (one fork). Operands come from
 * the parallelism's own arena, which for processes(n) is shared memory, so
 * every parallelism computes in place.
 */
public abstract class BlasState extends ParallelismState {

    protected Blas blas;

    @Override
    protected void prepare(Backend backend) {
        blas = Corebound.blas(backend, workers);
        allocate(workers.arena());
    }

    /** Allocates and fills the operands. */
    protected abstract void allocate(Arena arena);
}
