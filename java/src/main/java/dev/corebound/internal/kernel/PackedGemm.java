package dev.corebound.internal.kernel;

import dev.corebound.Transpose;

import java.lang.foreign.MemorySegment;

/**
 * Two-phase gemm, the capability a backend offers when the parallel layer may
 * split one C += alpha * op(A) * op(B) among many workers the way BLIS splits
 * it among threads: first alpha * op(B) is packed once into memory every
 * worker reads (the workers pack disjoint column ranges of it at the same
 * time), then each worker computes rectangles of C from that packed B, packing
 * only its own rows of op(A). Nothing of op(B) is packed twice, however many
 * workers there are.
 *
 * <p>The packed layout depends on k, n and the kernel only. Any split into
 * column ranges and rectangles gives exactly the bits of the same backend's
 * serial {@link DoubleBlas#dgemm}: each element of C gets the same arithmetic
 * wherever its rectangle's edges fall.
 *
 * <p>As in {@link DoubleBlas}, the caller has checked every argument, sizes
 * are at least 1, alpha is not 0 and C already holds beta * C. Column ranges
 * [j0, j1) start at a multiple of {@link #columnStep()} and end at one or at n.
 * A backend's C library can offer the same (corebound.h's
 * {@code cb_dgemm_pack_b} and {@code cb_dgemm_packed} have this shape).
 */
public interface PackedGemm {

    /**
     * Names the packed layout: kernels with the same layout read each other's
     * packed B. A worker process checks it against its own before it reads a
     * B its parent's workers packed.
     */
    String layout();

    /** Doubles that alpha * op(B) takes packed, for op(B) k x n. */
    long packedBSize(long k, long n);

    /** The column granule of the packed layout (the microkernel's width). */
    long columnStep();

    /**
     * Packs alpha * op(B)[0:k, j0:j1] into its place in {@code packed}, which
     * holds {@link #packedBSize} doubles; writes nothing that belongs to other columns.
     * op(B) is k x n: B is stored k x n, or n x k when transposed.
     */
    void packB(Transpose transB, long k, long n, double alpha, MemorySegment b, long ldb, long j0, long j1,
               MemorySegment packed);

    /**
     * C[0:m, j0:j1] += op(A) * packed[:, j0:j1] on the calling thread, once
     * columns [j0, j1) of {@code packed} are packed. op(A) is m x k: A is stored
     * m x k, or k x m when transposed. C is m x n (columns outside [j0, j1) are
     * neither read nor written).
     */
    void gemmPacked(Transpose transA, long m, long k, MemorySegment a, long lda, MemorySegment packed,
                    long n, long j0, long j1, MemorySegment c, long ldc);
}
