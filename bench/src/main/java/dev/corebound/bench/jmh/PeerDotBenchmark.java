package dev.corebound.bench.jmh;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.openjdk.jmh.annotations.Benchmark;

/** x . y for vectors of length n, by a peer library. */
public class PeerDotBenchmark extends PeerState {

    private DMatrixRMaj x;
    private DMatrixRMaj y;

    @Override
    protected void allocate() {
        x = random(1, n);
        y = random(1, n);
    }

    @Benchmark
    public double dot() {
        return library == Library.NETLIB ? netlib.ddot(n, x.data, 1, y.data, 1) : VectorVectorMult_DDRM.innerProd(x, y);
    }
}
