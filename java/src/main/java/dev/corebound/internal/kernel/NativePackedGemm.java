package dev.corebound.internal.kernel;

import dev.corebound.Transpose;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@link dev.corebound.Backend#NATIVE}'s two-phase gemm: corebound.h's
 * {@code cb_dgemm_pack_b} and {@code cb_dgemm_packed}, which give exactly the
 * bits of {@code cb_dgemm} for any split into column ranges and rectangles.
 * The layout names the library and its kernel set: a worker process loads the
 * same library on the same CPU, so it picks the same set, and a forced
 * {@code COREBOUND_KERNELS} that differs is caught by the layout check.
 */
final class NativePackedGemm implements PackedGemm {

    private static final MethodHandle PACK_B = Downcalls.critical(
            corebound_h.cb_dgemm_pack_b$address(), corebound_h.cb_dgemm_pack_b$descriptor());
    private static final MethodHandle GEMM_PACKED = Downcalls.critical(
            corebound_h.cb_dgemm_packed$address(), corebound_h.cb_dgemm_packed$descriptor());

    private final Downcalls downcalls;
    /** Both fixed when the library loads (it picks its kernel set then), so asked once, not on every call. */
    private final String layout;
    private final long columnStep;

    NativePackedGemm(Downcalls downcalls) {
        this.downcalls = downcalls;
        this.layout = NativeBlas.libraryInfo();
        this.columnStep = corebound_h.cb_dgemm_column_step();
    }

    @Override
    public String layout() {
        return layout;
    }

    @Override
    public long packedBSize(long k, long n) {
        return corebound_h.cb_dgemm_packed_b_size(k, n);
    }

    @Override
    public long columnStep() {
        return columnStep;
    }

    @Override
    public void packB(Transpose transB, long k, long n, double alpha, MemorySegment b, long ldb, long j0, long j1,
                      MemorySegment packed) {
        int tb = NativeBlas.flag(transB);
        try {
            if (downcalls.level1(k * (j1 - j0), b, packed)) {
                PACK_B.invokeExact(tb, k, n, alpha, b, ldb, j0, j1, packed);
            } else {
                corebound_h.cb_dgemm_pack_b(tb, k, n, alpha, b, ldb, j0, j1, packed);
            }
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        }
    }

    /** beta is 1: the checking layer has scaled C already. */
    @Override
    public void gemmPacked(Transpose transA, long m, long k, MemorySegment a, long lda, MemorySegment packed,
                           long n, long j0, long j1, MemorySegment c, long ldc) {
        int ta = NativeBlas.flag(transA);
        try {
            if (downcalls.product(m * k * (j1 - j0), a, packed, c)) {
                GEMM_PACKED.invokeExact(ta, m, k, a, lda, packed, n, j0, j1, 1.0, c, ldc);
            } else {
                corebound_h.cb_dgemm_packed(ta, m, k, a, lda, packed, n, j0, j1, 1.0, c, ldc);
            }
        } catch (Throwable e) {
            throw Downcalls.unexpected(e);
        }
    }
}
