package dev.corebound;

import dev.corebound.Overlap.Strided;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.kernel.DoubleBlas;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * The checking layer, the one place arguments are checked and BLAS's rules
 * applied, as netlib's AbstractBLAS and OpenBLAS's interface/ do: every public
 * operation validates its operands (shapes, sizes the backend takes,
 * liveness, aliasing), takes the quick returns for empty sizes, applies beta
 * to gemv's and gemm's outputs ({@code beta == 0} overwrites without reading)
 * and skips the product when {@code alpha == 0}; only then does it hand raw
 * segments to a {@link DoubleBlas} kernel that trusts them and does
 * arithmetic only. Nothing reaches a kernel, and so nothing reaches C, unchecked.
 */
final class CheckedBlas implements Blas {

    private final DoubleBlas kernel;
    private final String name;
    /** The kernel's largest size or leading dimension, read once rather than on every check. */
    private final long maxDimension;

    CheckedBlas(BackendKernels kernels, String name) {
        this.kernel = kernels.blas();
        this.name = name;
        this.maxDimension = kernel.maxDimension();
    }

    @Override
    public Backend backend() {
        return kernel.backend();
    }

    /** Sizes and leading dimensions must fit the backend (CBLAS takes 32-bit ints). */
    private void fits(String op, long... sizes) {
        for (long size : sizes) {
            if (size > maxDimension) {
                throw new IllegalArgumentException(op + ": " + kernel.backend() + " takes sizes and leading dimensions up to "
                        + maxDimension + ", but was given " + size);
            }
        }
    }

    @Override
    public double dot(DenseVector x, DenseVector y) {
        sameLength("dot", x, y);
        return x.length() == 0 ? 0 : kernel.ddot(x.length(), x.segment(), y.segment());
    }

    @Override
    public void axpy(double alpha, DenseVector x, DenseVector y) {
        sameLength("axpy", x, y);
        if (!x.segment().equals(y.segment())) {
            disjoint("axpy", "y", Strided.of(y), "x", Strided.of(x));
        }
        if (x.length() == 0 || alpha == 0) {
            return; // reference BLAS returns early: NaN in x does not reach y
        }
        kernel.daxpy(x.length(), alpha, x.segment(), y.segment());
    }

    @Override
    public void scal(double alpha, DenseVector x) {
        live("scal", "x", x);
        if (x.length() > 0) {
            kernel.dscal(x.length(), alpha, x.segment());
        }
    }

    @Override
    public double asum(DenseVector x) {
        live("asum", "x", x);
        return x.length() == 0 ? 0 : kernel.dasum(x.length(), x.segment());
    }

    @Override
    public double nrm2(DenseVector x) {
        live("nrm2", "x", x);
        return x.length() == 0 ? 0 : kernel.dnrm2(x.length(), x.segment());
    }

    @Override
    public long iamax(DenseVector x) {
        live("iamax", "x", x);
        return x.length() == 0 ? -1 : kernel.idamax(x.length(), x.segment());
    }

    @Override
    public double sum(DenseVector x) {
        live("sum", "x", x);
        return x.length() == 0 ? 0 : kernel.dsum(x.length(), x.segment());
    }

    @Override
    public void gemv(Transpose trans, double alpha, DenseMatrix a, DenseVector x, double beta, DenseVector y) {
        Objects.requireNonNull(trans, "trans");
        String op = "gemv(" + trans + ")";
        live(op, "A", a);
        live(op, "x", x);
        live(op, "y", y);
        long rows = trans.transposed() ? a.cols() : a.rows();
        long cols = trans.transposed() ? a.rows() : a.cols();
        if (x.length() != cols || y.length() != rows) {
            throw new IllegalArgumentException(op + ": op(A) is " + rows + "x" + cols + " (A is " + a.shape()
                    + "), so x needs length " + cols + " and y length " + rows
                    + ", but x has length " + x.length() + " and y has length " + y.length());
        }
        disjoint(op, "y", Strided.of(y), "A", Strided.of(a));
        disjoint(op, "y", Strided.of(y), "x", Strided.of(x));
        if (a.rows() == 0 || a.cols() == 0) {
            return; // reference BLAS's quick return: y is not scaled either
        }
        scale(y.segment(), beta);
        if (alpha != 0) {
            kernel.dgemv(trans, a.rows(), a.cols(), alpha, a.segment(), a.ld(), x.segment(), y.segment());
        }
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, double alpha, DenseMatrix a, DenseMatrix b,
                     double beta, DenseMatrix c) {
        Objects.requireNonNull(transA, "transA");
        Objects.requireNonNull(transB, "transB");
        String op = "gemm(" + transA + ", " + transB + ")";
        live(op, "A", a);
        live(op, "B", b);
        live(op, "C", c);
        long m = transA.transposed() ? a.cols() : a.rows();
        long k = transA.transposed() ? a.rows() : a.cols();
        long kb = transB.transposed() ? b.cols() : b.rows();
        long n = transB.transposed() ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException(op + ": op(A) is " + m + "x" + k + ", op(B) is " + kb + "x" + n
                    + " and C is " + c.shape() + "; op(A) must be m x k, op(B) k x n and C m x n");
        }
        disjoint(op, "C", Strided.of(c), "A", Strided.of(a));
        disjoint(op, "C", Strided.of(c), "B", Strided.of(b));
        if (m == 0 || n == 0) {
            return;
        }
        for (long i = 0; i < m; i++) {
            scale(c.row(i).segment(), beta);
        }
        if (alpha != 0 && k != 0) {
            kernel.dgemm(transA, transB, m, n, k, alpha, a.segment(), a.ld(), b.segment(), b.ld(), c.segment(), c.ld());
        }
    }

    /** out = beta * out; beta == 0 writes zeros without reading out, so NaN in it does not survive. */
    private static void scale(MemorySegment out, double beta) {
        if (beta == 0) {
            out.fill((byte) 0);
        } else if (beta != 1) {
            for (long i = 0; i < out.byteSize() / Double.BYTES; i++) {
                out.setAtIndex(ValueLayout.JAVA_DOUBLE, i, beta * out.getAtIndex(ValueLayout.JAVA_DOUBLE, i));
            }
        }
    }

    private void sameLength(String op, DenseVector x, DenseVector y) {
        live(op, "x", x);
        live(op, "y", y);
        if (x.length() != y.length()) {
            throw new IllegalArgumentException(op + ": x has length " + x.length() + " but y has length "
                    + y.length() + "; they must be equal");
        }
    }

    private void live(String op, String name, DenseVector v) {
        Objects.requireNonNull(v, name);
        live(op, name, v.segment());
        fits(op, v.length());
    }

    private void live(String op, String name, DenseMatrix m) {
        Objects.requireNonNull(m, name);
        live(op, name, m.segment());
        fits(op, m.rows(), m.ld()); // cols <= ld, as every matrix guarantees
    }

    private static void live(String op, String name, MemorySegment s) {
        if (!s.scope().isAlive()) {
            throw new IllegalStateException(op + ": the memory of " + name + " was closed (its Arena is closed)");
        }
        if (!s.isAccessibleBy(Thread.currentThread())) {
            throw new IllegalArgumentException(op + ": " + name
                    + " belongs to a confined Arena of another thread; use it from that thread or allocate it from a shared Arena");
        }
    }

    private static void disjoint(String op, String outName, Strided out, String inName, Strided in) {
        if (Overlap.shareElements(out, in)) {
            throw new IllegalArgumentException(op + ": " + outName + " overlaps " + inName
                    + "; the output must not share memory with an input");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
