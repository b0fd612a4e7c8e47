package dev.corebound.bench.jmh;

import dev.ludovic.netlib.blas.JavaBLAS;
import org.ejml.data.DMatrixRMaj;
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
public abstract class PeerState {

    /** ejml, ejml_mt, netlib_vector or netlib_java. */
    @Param("ejml")
    public String peer;

    @Param("256")
    public int n;

    protected JavaBLAS netlib;
    private final SplittableRandom random = new SplittableRandom(1);

    @Setup
    public void start() {
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
        allocate();
    }

    protected abstract void allocate();

    /** A rows x cols EJML matrix of uniform values in [-1, 1); its data array is row-major. */
    protected DMatrixRMaj random(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextDouble(-1, 1);
        }
        return m;
    }
}
