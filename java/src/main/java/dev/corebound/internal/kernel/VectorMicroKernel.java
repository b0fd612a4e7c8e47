package dev.corebound.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * JAVA_VECTOR's gemm microkernel: an {@link #MR} x {@link #NR} tile of sums
 * over kc steps of a packed A micro-panel (MR rows, column-major) against a
 * packed B micro-panel (NR columns, row-major), the only code of the gemm
 * written per register file (BLIS's split: {@link VectorGemm} is the framework).
 *
 * <p>Each step loads the step's row of B as two vectors, broadcasts each of
 * the MR elements of A in turn and fuses a multiply-add into two accumulators
 * per row. The accumulators are locals, not an array, and each shape is a
 * method of its own with every index a constant, so that C2 keeps them all in
 * registers. Measured on AVX-512 (Zen 5), C2 compiles the 12-row loop to two
 * loads of B, twelve broadcasts from memory and 24 FMAs with no spill,
 * about 95 GFLOP/s of the core's 115 with the panels in cache; 8 rows x 3
 * vectors (24 accumulators too) spilled two accumulators to the stack every
 * step and ran at 70.
 *
 * <p>Shapes: 12 rows x 2 vectors on 512-bit vectors (AVX-512 has 32 vector
 * registers: 24 accumulators, 2 of B, broadcasts in the rest); 6 rows x 2
 * vectors on narrower ones (AVX2's 16 registers: 12 accumulators, 2 of B, one
 * broadcast).
 */
final class VectorMicroKernel {

    private static final VectorSpecies<Double> S = VectorWidth.SPECIES;
    private static final int L = VectorWidth.LANES;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    /** Rows of the tile: 12 where there are 32 vector registers to hold it, 6 where there are 16. */
    static final int MR = S.vectorBitSize() >= 512 ? 12 : 6;
    /** Columns of the tile: two vectors. */
    static final int NR = 2 * L;
    /** A tile of zeros, where fresh sums start (loading them from here costs no branch per accumulator). */
    private static final double[] ZEROS = new double[MR * NR];

    private VectorMicroKernel() {
    }

    /**
     * tile += A micro-panel (from a[aAt], kc steps of MR) * B micro-panel (the
     * kc x NR doubles of {@code b}), where the tile is acc[at + r * NR + j] for
     * row r, column j: each sum goes on with one fused multiply-add per step.
     * With {@code fresh} the sums start from 0 and the tile is only written.
     * B comes as a slice of its own, indexed from 0 by the int loop, so that C2
     * hoists the bounds checks of its loads out of the loop (with an offset
     * into the whole packed B it checked every load); the caller slices it,
     * since C2 would not inline asSlice here ("low call site frequency") and
     * then allocated a slice per call.
     */
    static void multiply(int kc, double[] a, int aAt, MemorySegment b, double[] acc, int at, boolean fresh) {
        if (MR == 12) {
            twelveRows(kc, a, aAt, b, acc, at, fresh);
        } else {
            sixRows(kc, a, aAt, b, acc, at, fresh);
        }
    }

    /** Vector {@code half} of row r of the tile at sums[from]. */
    private static DoubleVector tile(double[] sums, int from, int r, int half) {
        return DoubleVector.fromArray(S, sums, from + r * NR + half * L);
    }

    private static DoubleVector load(MemorySegment panel, int p, int half) {
        return DoubleVector.fromMemorySegment(S, panel, ((long) p * NR + (long) half * L) * Double.BYTES, ORDER);
    }

    private static void twelveRows(int kc, double[] a, int aAt, MemorySegment b, double[] acc, int at,
                                   boolean fresh) {
        double[] sums = fresh ? ZEROS : acc;
        int from = fresh ? 0 : at;
        DoubleVector c00 = tile(sums, from, 0, 0), c01 = tile(sums, from, 0, 1), c10 = tile(sums, from, 1, 0);
        DoubleVector c11 = tile(sums, from, 1, 1), c20 = tile(sums, from, 2, 0), c21 = tile(sums, from, 2, 1);
        DoubleVector c30 = tile(sums, from, 3, 0), c31 = tile(sums, from, 3, 1), c40 = tile(sums, from, 4, 0);
        DoubleVector c41 = tile(sums, from, 4, 1), c50 = tile(sums, from, 5, 0), c51 = tile(sums, from, 5, 1);
        DoubleVector c60 = tile(sums, from, 6, 0), c61 = tile(sums, from, 6, 1), c70 = tile(sums, from, 7, 0);
        DoubleVector c71 = tile(sums, from, 7, 1), c80 = tile(sums, from, 8, 0), c81 = tile(sums, from, 8, 1);
        DoubleVector c90 = tile(sums, from, 9, 0), c91 = tile(sums, from, 9, 1), ca0 = tile(sums, from, 10, 0);
        DoubleVector ca1 = tile(sums, from, 10, 1), cb0 = tile(sums, from, 11, 0), cb1 = tile(sums, from, 11, 1);
        for (int p = 0; p < kc; p++) {
            int ap = aAt + p * 12;
            DoubleVector b0 = load(b, p, 0);
            DoubleVector b1 = load(b, p, 1);
            DoubleVector ai = DoubleVector.broadcast(S, a[ap]);
            c00 = ai.fma(b0, c00);
            c01 = ai.fma(b1, c01);
            ai = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = ai.fma(b0, c10);
            c11 = ai.fma(b1, c11);
            ai = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = ai.fma(b0, c20);
            c21 = ai.fma(b1, c21);
            ai = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = ai.fma(b0, c30);
            c31 = ai.fma(b1, c31);
            ai = DoubleVector.broadcast(S, a[ap + 4]);
            c40 = ai.fma(b0, c40);
            c41 = ai.fma(b1, c41);
            ai = DoubleVector.broadcast(S, a[ap + 5]);
            c50 = ai.fma(b0, c50);
            c51 = ai.fma(b1, c51);
            ai = DoubleVector.broadcast(S, a[ap + 6]);
            c60 = ai.fma(b0, c60);
            c61 = ai.fma(b1, c61);
            ai = DoubleVector.broadcast(S, a[ap + 7]);
            c70 = ai.fma(b0, c70);
            c71 = ai.fma(b1, c71);
            ai = DoubleVector.broadcast(S, a[ap + 8]);
            c80 = ai.fma(b0, c80);
            c81 = ai.fma(b1, c81);
            ai = DoubleVector.broadcast(S, a[ap + 9]);
            c90 = ai.fma(b0, c90);
            c91 = ai.fma(b1, c91);
            ai = DoubleVector.broadcast(S, a[ap + 10]);
            ca0 = ai.fma(b0, ca0);
            ca1 = ai.fma(b1, ca1);
            ai = DoubleVector.broadcast(S, a[ap + 11]);
            cb0 = ai.fma(b0, cb0);
            cb1 = ai.fma(b1, cb1);
        }
        c00.intoArray(acc, at);
        c01.intoArray(acc, at + L);
        c10.intoArray(acc, at + NR);
        c11.intoArray(acc, at + NR + L);
        c20.intoArray(acc, at + 2 * NR);
        c21.intoArray(acc, at + 2 * NR + L);
        c30.intoArray(acc, at + 3 * NR);
        c31.intoArray(acc, at + 3 * NR + L);
        c40.intoArray(acc, at + 4 * NR);
        c41.intoArray(acc, at + 4 * NR + L);
        c50.intoArray(acc, at + 5 * NR);
        c51.intoArray(acc, at + 5 * NR + L);
        c60.intoArray(acc, at + 6 * NR);
        c61.intoArray(acc, at + 6 * NR + L);
        c70.intoArray(acc, at + 7 * NR);
        c71.intoArray(acc, at + 7 * NR + L);
        c80.intoArray(acc, at + 8 * NR);
        c81.intoArray(acc, at + 8 * NR + L);
        c90.intoArray(acc, at + 9 * NR);
        c91.intoArray(acc, at + 9 * NR + L);
        ca0.intoArray(acc, at + 10 * NR);
        ca1.intoArray(acc, at + 10 * NR + L);
        cb0.intoArray(acc, at + 11 * NR);
        cb1.intoArray(acc, at + 11 * NR + L);
    }

    private static void sixRows(int kc, double[] a, int aAt, MemorySegment b, double[] acc, int at,
                                boolean fresh) {
        double[] sums = fresh ? ZEROS : acc;
        int from = fresh ? 0 : at;
        DoubleVector c00 = tile(sums, from, 0, 0), c01 = tile(sums, from, 0, 1), c10 = tile(sums, from, 1, 0);
        DoubleVector c11 = tile(sums, from, 1, 1), c20 = tile(sums, from, 2, 0), c21 = tile(sums, from, 2, 1);
        DoubleVector c30 = tile(sums, from, 3, 0), c31 = tile(sums, from, 3, 1), c40 = tile(sums, from, 4, 0);
        DoubleVector c41 = tile(sums, from, 4, 1), c50 = tile(sums, from, 5, 0), c51 = tile(sums, from, 5, 1);
        for (int p = 0; p < kc; p++) {
            int ap = aAt + p * 6;
            DoubleVector b0 = load(b, p, 0);
            DoubleVector b1 = load(b, p, 1);
            DoubleVector ai = DoubleVector.broadcast(S, a[ap]);
            c00 = ai.fma(b0, c00);
            c01 = ai.fma(b1, c01);
            ai = DoubleVector.broadcast(S, a[ap + 1]);
            c10 = ai.fma(b0, c10);
            c11 = ai.fma(b1, c11);
            ai = DoubleVector.broadcast(S, a[ap + 2]);
            c20 = ai.fma(b0, c20);
            c21 = ai.fma(b1, c21);
            ai = DoubleVector.broadcast(S, a[ap + 3]);
            c30 = ai.fma(b0, c30);
            c31 = ai.fma(b1, c31);
            ai = DoubleVector.broadcast(S, a[ap + 4]);
            c40 = ai.fma(b0, c40);
            c41 = ai.fma(b1, c41);
            ai = DoubleVector.broadcast(S, a[ap + 5]);
            c50 = ai.fma(b0, c50);
            c51 = ai.fma(b1, c51);
        }
        c00.intoArray(acc, at);
        c01.intoArray(acc, at + L);
        c10.intoArray(acc, at + NR);
        c11.intoArray(acc, at + NR + L);
        c20.intoArray(acc, at + 2 * NR);
        c21.intoArray(acc, at + 2 * NR + L);
        c30.intoArray(acc, at + 3 * NR);
        c31.intoArray(acc, at + 3 * NR + L);
        c40.intoArray(acc, at + 4 * NR);
        c41.intoArray(acc, at + 4 * NR + L);
        c50.intoArray(acc, at + 5 * NR);
        c51.intoArray(acc, at + 5 * NR + L);
    }
}
