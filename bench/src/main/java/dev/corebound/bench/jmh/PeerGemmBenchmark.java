package dev.corebound.bench.jmh;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.openjdk.jmh.annotations.Benchmark;

/** C = A * B for n x n matrices, by a peer library. */
public class PeerGemmBenchmark extends PeerState {

    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;

    @Override
    protected void allocate() {
        a = random(n, n);
        b = random(n, n);
        c = new DMatrixRMaj(n, n);
    }

    /**
     * Row-major C = A * B. netlib's BLAS is column-major, where the same bytes
     * hold the transposes, so it computes C^T = B^T * A^T.
     */
    @Benchmark
    public double gemm() {
        switch (library) {
            case EJML -> CommonOps_DDRM.mult(a, b, c);
            case EJML_MT -> CommonOps_MT_DDRM.mult(a, b, c);
            case NETLIB -> netlib.dgemm("N", "N", n, n, n, 1.0, b.data, n, a.data, n, 0.0, c.data, n);
        }
        return c.data[c.data.length - 1];
    }
}
