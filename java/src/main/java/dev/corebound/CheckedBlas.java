package dev.corebound;

import dev.corebound.Overlap.Strided;
import dev.corebound.kernels.Kernel;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * The one place arguments are checked: every public operation validates its
 * operands here, then hands raw segments to a {@link Kernel} that trusts them.
 * Nothing reaches a kernel, and so nothing reaches C, unchecked.
 */
final class CheckedBlas implements Blas {

    private final Kernel kernel;
    private final String name;
    /** The kernel's largest size or leading dimension, read once rather than on every check. */
    private final long maxDimension;

    CheckedBlas(Kernel kernel, String name) {
        this.kernel = kernel;
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
        return kernel.dot(x.length(), x.segment(), y.segment());
    }

    @Override
    public void axpy(double alpha, DenseVector x, DenseVector y) {
        sameLength("axpy", x, y);
        if (!x.segment().equals(y.segment())) {
            disjoint("axpy", "y", Strided.of(y), "x", Strided.of(x));
        }
        kernel.axpy(x.length(), alpha, x.segment(), y.segment());
    }

    @Override
    public void scal(double alpha, DenseVector x) {
        live("scal", "x", x);
        kernel.scal(x.length(), alpha, x.segment());
    }

    @Override
    public double asum(DenseVector x) {
        live("asum", "x", x);
        return kernel.asum(x.length(), x.segment());
    }

    @Override
    public double nrm2(DenseVector x) {
        live("nrm2", "x", x);
        return kernel.nrm2(x.length(), x.segment());
    }

    @Override
    public long iamax(DenseVector x) {
        live("iamax", "x", x);
        return kernel.iamax(x.length(), x.segment());
    }

    @Override
    public double sum(DenseVector x) {
        live("sum", "x", x);
        return kernel.sum(x.length(), x.segment());
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
        kernel.gemv(trans, a.rows(), a.cols(), alpha, a.segment(), a.ld(), x.segment(), beta, y.segment());
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
        kernel.gemm(transA, transB, m, n, k, alpha, a.segment(), a.ld(), b.segment(), b.ld(), beta,
                c.segment(), c.ld());
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
