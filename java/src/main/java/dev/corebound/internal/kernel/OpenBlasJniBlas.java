package dev.corebound.internal.kernel;

import dev.corebound.Backend;
import dev.corebound.Transpose;
import dev.corebound.internal.loader.OpenBlasLibrary;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Backend#OPENBLAS_JNI}: the same OpenBLAS library as {@link OpenBlasBlas},
 * called through JavaCPP's JNI bindings ({@code org.bytedeco.openblas.global.openblas_nolapack}):
 * the JNI baseline that FFM's call cost is measured against.
 *
 * <p>Off-heap memory is passed as JavaCPP pointers to the same bytes. JavaCPP's
 * array overloads take whole arrays only, so heap arrays (and views into them)
 * are copied off-heap for the call, and outputs copied back. JavaCPP exposes
 * only OpenBLAS's process-wide thread setter, so the thread count is set with
 * OpenBLAS's per-thread one instead, through FFM, on the same library.
 */
final class OpenBlasJniBlas implements DoubleBlas {

    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    /** The constant 1.0 in native memory, read (never written) by dsum. */
    private static final DoublePointer ONE = new DoublePointer(1.0);

    private final int threads;

    OpenBlasJniBlas(int threads) {
        if (!OpenBlasLibrary.info().javaCpp()) {
            throw new IllegalStateException("the JNI baseline calls JavaCPP's OpenBLAS, but -D"
                    + OpenBlasLibrary.PATH_PROPERTY + " points OPENBLAS at another library; unset it to compare the two on one library");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but is " + threads);
        }
        this.threads = threads;
    }

    @Override
    public Backend backend() {
        return Backend.OPENBLAS_JNI;
    }

    @Override
    public long maxDimension() {
        return Integer.MAX_VALUE;
    }

    /** A JavaCPP pointer aimed at memory that is already off-heap, without a copy; re-aimed for every call. */
    private static final class Address extends DoublePointer {
        Address() {
            super((org.bytedeco.javacpp.Pointer) null);
        }

        Address at(MemorySegment segment) {
            address = segment.address();
            limit = capacity = segment.byteSize() / Double.BYTES;
            return this;
        }
    }

    /**
     * Each thread keeps three pointer objects and re-aims them per call, as a
     * JavaCPP user holds on to Pointers, so that the baseline measures the JNI
     * call rather than allocating pointers.
     */
    private static final ThreadLocal<Address[]> POINTERS =
            ThreadLocal.withInitial(() -> new Address[]{new Address(), new Address(), new Address()});

    /** Pointers for one call; heap operands are copied off-heap, and outputs back when the call ends. */
    private static final class Operands implements AutoCloseable {
        private final Address[] pointers = POINTERS.get();
        private int used;
        private Arena copies;
        private List<MemorySegment[]> writeBack;

        DoublePointer in(MemorySegment s) {
            return pointers[used++].at(s.isNative() ? s : copy(s));
        }

        DoublePointer inOut(MemorySegment s) {
            if (s.isNative()) {
                return pointers[used++].at(s);
            }
            MemorySegment c = copy(s);
            if (writeBack == null) {
                writeBack = new ArrayList<>();
            }
            writeBack.add(new MemorySegment[]{c, s});
            return pointers[used++].at(c);
        }

        private MemorySegment copy(MemorySegment heap) {
            if (copies == null) {
                copies = Arena.ofConfined();
            }
            return copies.allocate(Math.max(heap.byteSize(), Double.BYTES), 64).copyFrom(heap);
        }

        @Override
        public void close() {
            if (writeBack != null) {
                for (MemorySegment[] pair : writeBack) {
                    pair[1].copyFrom(pair[0].asSlice(0, pair[1].byteSize()));
                }
            }
            if (copies != null) {
                copies.close();
            }
        }
    }

    private static int flag(Transpose t) {
        return t.transposed() ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    }

    @Override
    public double ddot(long n, MemorySegment x, MemorySegment y) {
        OpenBlasThreads.use(threads);
        try (Operands o = new Operands()) {
            return openblas_nolapack.cblas_ddot((int) n, o.in(x), 1, o.in(y), 1);
        }
    }

    @Override
    public void daxpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        OpenBlasThreads.use(threads);
        try (Operands o = new Operands()) {
            openblas_nolapack.cblas_daxpy((int) n, alpha, o.in(x), 1, o.inOut(y), 1);
        }
    }

    @Override
    public void dscal(long n, double alpha, MemorySegment x) {
        OpenBlasThreads.use(threads);
        try (Operands o = new Operands()) {
            openblas_nolapack.cblas_dscal((int) n, alpha, o.inOut(x), 1);
        }
    }

    @Override
    public double dasum(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        try (Operands o = new Operands()) {
            return openblas_nolapack.cblas_dasum((int) n, o.in(x), 1);
        }
    }

    @Override
    public double dnrm2(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        try (Operands o = new Operands()) {
            return openblas_nolapack.cblas_dnrm2((int) n, o.in(x), 1);
        }
    }

    @Override
    public long idamax(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        try (Operands o = new Operands()) {
            return openblas_nolapack.cblas_idamax((int) n, o.in(x), 1);
        }
    }

    /**
     * JavaCPP does not bind OpenBLAS's cblas_dsum, so the sum is ddot of x with
     * a single 1.0 read at increment 0: every product x[i] * 1 is exact, so
     * this is a plain sum in OpenBLAS's own order.
     */
    @Override
    public double dsum(long n, MemorySegment x) {
        OpenBlasThreads.use(threads);
        try (Operands o = new Operands()) {
            return openblas_nolapack.cblas_ddot((int) n, o.in(x), 1, ONE, 0);
        }
    }

    /** beta is 1: the checking layer has scaled y already. */
    @Override
    public void dgemv(Transpose trans, long m, long n, double alpha, MemorySegment a, long lda,
                      MemorySegment x, MemorySegment y) {
        OpenBlasThreads.use(threads);
        try (Operands o = new Operands()) {
            openblas_nolapack.cblas_dgemv(ROW_MAJOR, flag(trans), (int) m, (int) n, alpha, o.in(a), (int) lda,
                    o.in(x), 1, 1.0, o.inOut(y), 1);
        }
    }

    /** beta is 1: the checking layer has scaled C already. */
    @Override
    public void dgemm(Transpose transA, Transpose transB, long m, long n, long k, double alpha,
                      MemorySegment a, long lda, MemorySegment b, long ldb, MemorySegment c, long ldc) {
        OpenBlasThreads.use(threads);
        try (Operands o = new Operands()) {
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, flag(transA), flag(transB), (int) m, (int) n, (int) k, alpha,
                    o.in(a), (int) lda, o.in(b), (int) ldb, 1.0, o.inOut(c), (int) ldc);
        }
    }
}
