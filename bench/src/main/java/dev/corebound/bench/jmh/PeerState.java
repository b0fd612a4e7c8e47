package dev.corebound.bench.jmh;

import dev.corebound.DenseMatrix;
import dev.ludovic.netlib.blas.JavaBLAS;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

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

    /** The peer, decided once so that the measured calls do not compare strings. */
    protected enum Library { EJML, EJML_MT, NETLIB }

    protected Library library;
    protected JavaBLAS netlib;
    private long seed;

    @Setup
    public void start() {
        library = switch (peer) {
            case "ejml" -> Library.EJML;
            case "ejml_mt" -> Library.EJML_MT;
            case "netlib_vector", "netlib_java" -> Library.NETLIB;
            default -> throw new IllegalArgumentException("unknown peer " + peer
                    + ": use ejml, ejml_mt, netlib_vector or netlib_java");
        };
        if (library == Library.NETLIB) {
            netlib = JavaBLAS.getInstance();
            boolean vector = netlib.getClass().getSimpleName().equals("VectorBLAS");
            if (vector != peer.equals("netlib_vector")) {
                throw new IllegalStateException(peer + " needs a JVM " + (vector ? "without" : "with")
                        + " the Vector API module, but netlib picked " + netlib.getClass().getSimpleName());
            }
        }
        allocate();
    }

    protected abstract void allocate();

    /**
     * A rows x cols EJML matrix filled as corebound's benchmarks fill theirs (the first gets seed 1, the next 2,
     * ...); its data array is row-major, so corebound can fill it in place.
     */
    protected DMatrixRMaj random(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        DenseMatrix.wrap(m.data, rows, cols).fillRandom(++seed);
        return m;
    }
}
