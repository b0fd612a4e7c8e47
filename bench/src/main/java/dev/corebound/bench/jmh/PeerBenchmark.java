package dev.corebound.bench.jmh;

import dev.ludovic.netlib.blas.JavaBLAS;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.mult.VectorVectorMult_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;

/**
 * The libraries a user would pick instead, on the same operations and sizes:
 * EJML ({@code CommonOps_DDRM} and its multi-threaded {@code CommonOps_MT_DDRM})
 * and netlib's Java BLAS ({@code dev.ludovic.netlib}), whose Vector API
 * implementation runs when the JVM has the module and its plain Java one
 * otherwise (the plan runs {@code netlib_java} in a fork without the module).
 */
@State(Scope.Benchmark)
public class PeerBenchmark {

    /** ejml, ejml_mt, netlib_vector or netlib_java. */
    @Param("ejml")
    public String peer;

    @Param("256")
    public int n;

    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;
    private DMatrixRMaj x;
    private DMatrixRMaj y;
    private JavaBLAS netlib;

    @Setup
    public void start() {
        SplittableRandom random = new SplittableRandom(1);
        a = random(n, n, random);
        b = random(n, n, random);
        c = new DMatrixRMaj(n, n);
        x = random(1, n, random);
        y = random(1, n, random);
        if (peer.startsWith("netlib")) {
            netlib = JavaBLAS.getInstance();
            boolean vector = netlib.getClass().getSimpleName().equals("VectorBLAS");
            if (vector != peer.equals("netlib_vector")) {
                throw new IllegalStateException(peer + " needs a JVM " + (vector ? "without" : "with")
                        + " the Vector API module, but netlib picked " + netlib.getClass().getSimpleName());
            }
        } else if (!peer.equals("ejml") && !peer.equals("ejml_mt")) {
            throw new IllegalArgumentException("unknown peer " + peer + ": use ejml, ejml_mt, netlib_vector or netlib_java");
        }
    }

    private static DMatrixRMaj random(int rows, int cols, SplittableRandom random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextDouble(-1, 1);
        }
        return m;
    }

    /**
     * Row-major C = A * B. netlib's BLAS is column-major, where the same bytes
     * hold the transposes, so it computes C^T = B^T * A^T.
     */
    @Benchmark
    public double gemm() {
        switch (peer) {
            case "ejml" -> CommonOps_DDRM.mult(a, b, c);
            case "ejml_mt" -> CommonOps_MT_DDRM.mult(a, b, c);
            default -> netlib.dgemm("N", "N", n, n, n, 1.0, b.data, n, a.data, n, 0.0, c.data, n);
        }
        return c.data[c.data.length - 1];
    }

    @Benchmark
    public double dot() {
        return peer.startsWith("ejml") ? VectorVectorMult_DDRM.innerProd(x, y) : netlib.ddot(n, x.data, 1, y.data, 1);
    }
}
