package dev.corebound.bench.jmh;

import dev.corebound.DenseVector;
import org.openjdk.jmh.annotations.Param;

import java.lang.foreign.Arena;

/** Two random vectors of length n, for the level-1 benchmarks. */
public abstract class VectorPairState extends BlasState {

    @Param("1000")
    public int n;

    protected DenseVector x;
    protected DenseVector y;

    @Override
    protected void allocate(Arena arena) {
        x = DenseVector.allocate(arena, n).fillRandom(1);
        y = DenseVector.allocate(arena, n).fillRandom(2);
    }
}
