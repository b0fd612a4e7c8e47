// Bindings to OpenBLAS's cblas.h (the functions corebound uses) in jextract's
// shape, pointed at OpenBlasLibrary's lookup. native/jextract.sh regenerates
// this file where jextract is installed; this copy was written by hand to the
// same shape. HeaderBindingTest checks it against cblas.h.

package dev.corebound.internal.kernel;

import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.stream.Collectors;

class openblas_h {

    openblas_h() {
        // Should not be called directly
    }

    static final boolean TRACE_DOWNCALLS = Boolean.getBoolean("jextract.trace.downcalls");

    static void traceDowncall(String name, Object... args) {
         String traceArgs = Arrays.stream(args)
                       .map(Object::toString)
                       .collect(Collectors.joining(", "));
         System.out.printf("%s(%s)\n", name, traceArgs);
    }

    static MemorySegment findOrThrow(String symbol) {
        return SYMBOL_LOOKUP.find(symbol)
            .orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol: " + symbol));
    }

    static final SymbolLookup SYMBOL_LOOKUP = dev.corebound.internal.loader.OpenBlasLibrary.lookup();

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(MemoryLayout.sequenceLayout(java.lang.Long.MAX_VALUE, ValueLayout.JAVA_BYTE));
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    private static final int CblasRowMajor = (int)101L;
    /**
     * {@snippet lang=c :
     * enum <anonymous>.CblasRowMajor = 101
     * }
     */
    public static int CblasRowMajor() {
        return CblasRowMajor;
    }
    private static final int CblasNoTrans = (int)111L;
    /**
     * {@snippet lang=c :
     * enum <anonymous>.CblasNoTrans = 111
     * }
     */
    public static int CblasNoTrans() {
        return CblasNoTrans;
    }
    private static final int CblasTrans = (int)112L;
    /**
     * {@snippet lang=c :
     * enum <anonymous>.CblasTrans = 112
     * }
     */
    public static int CblasTrans() {
        return CblasTrans;
    }

    private static class openblas_set_num_threads {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("openblas_set_num_threads");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void openblas_set_num_threads(int num_threads)
     * }
     */
    public static FunctionDescriptor openblas_set_num_threads$descriptor() {
        return openblas_set_num_threads.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void openblas_set_num_threads(int num_threads)
     * }
     */
    public static MethodHandle openblas_set_num_threads$handle() {
        return openblas_set_num_threads.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void openblas_set_num_threads(int num_threads)
     * }
     */
    public static MemorySegment openblas_set_num_threads$address() {
        return openblas_set_num_threads.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void openblas_set_num_threads(int num_threads)
     * }
     */
    public static void openblas_set_num_threads(int num_threads) {
        var mh$ = openblas_set_num_threads.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("openblas_set_num_threads", num_threads);
            }
            mh$.invokeExact(num_threads);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class openblas_set_num_threads_local {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            openblas_h.C_INT,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("openblas_set_num_threads_local");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int openblas_set_num_threads_local(int num_threads)
     * }
     */
    public static FunctionDescriptor openblas_set_num_threads_local$descriptor() {
        return openblas_set_num_threads_local.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int openblas_set_num_threads_local(int num_threads)
     * }
     */
    public static MethodHandle openblas_set_num_threads_local$handle() {
        return openblas_set_num_threads_local.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int openblas_set_num_threads_local(int num_threads)
     * }
     */
    public static MemorySegment openblas_set_num_threads_local$address() {
        return openblas_set_num_threads_local.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int openblas_set_num_threads_local(int num_threads)
     * }
     */
    public static int openblas_set_num_threads_local(int num_threads) {
        var mh$ = openblas_set_num_threads_local.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("openblas_set_num_threads_local", num_threads);
            }
            return (int)mh$.invokeExact(num_threads);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class openblas_get_num_threads {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("openblas_get_num_threads");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int openblas_get_num_threads(void)
     * }
     */
    public static FunctionDescriptor openblas_get_num_threads$descriptor() {
        return openblas_get_num_threads.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int openblas_get_num_threads(void)
     * }
     */
    public static MethodHandle openblas_get_num_threads$handle() {
        return openblas_get_num_threads.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int openblas_get_num_threads(void)
     * }
     */
    public static MemorySegment openblas_get_num_threads$address() {
        return openblas_get_num_threads.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int openblas_get_num_threads(void)
     * }
     */
    public static int openblas_get_num_threads() {
        var mh$ = openblas_get_num_threads.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("openblas_get_num_threads");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class openblas_get_config {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            openblas_h.C_POINTER
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("openblas_get_config");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * char *openblas_get_config(void)
     * }
     */
    public static FunctionDescriptor openblas_get_config$descriptor() {
        return openblas_get_config.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * char *openblas_get_config(void)
     * }
     */
    public static MethodHandle openblas_get_config$handle() {
        return openblas_get_config.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * char *openblas_get_config(void)
     * }
     */
    public static MemorySegment openblas_get_config$address() {
        return openblas_get_config.ADDR;
    }

    /**
     * {@snippet lang=c :
     * char *openblas_get_config(void)
     * }
     */
    public static MemorySegment openblas_get_config() {
        var mh$ = openblas_get_config.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("openblas_get_config");
            }
            return (MemorySegment)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class openblas_get_corename {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            openblas_h.C_POINTER
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("openblas_get_corename");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * char *openblas_get_corename(void)
     * }
     */
    public static FunctionDescriptor openblas_get_corename$descriptor() {
        return openblas_get_corename.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * char *openblas_get_corename(void)
     * }
     */
    public static MethodHandle openblas_get_corename$handle() {
        return openblas_get_corename.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * char *openblas_get_corename(void)
     * }
     */
    public static MemorySegment openblas_get_corename$address() {
        return openblas_get_corename.ADDR;
    }

    /**
     * {@snippet lang=c :
     * char *openblas_get_corename(void)
     * }
     */
    public static MemorySegment openblas_get_corename() {
        var mh$ = openblas_get_corename.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("openblas_get_corename");
            }
            return (MemorySegment)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cblas_ddot {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            openblas_h.C_DOUBLE,
            openblas_h.C_INT,
            openblas_h.C_POINTER,
            openblas_h.C_INT,
            openblas_h.C_POINTER,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("cblas_ddot");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * double cblas_ddot(blasint n, double *x, blasint incx, double *y, blasint incy)
     * }
     */
    public static FunctionDescriptor cblas_ddot$descriptor() {
        return cblas_ddot.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * double cblas_ddot(blasint n, double *x, blasint incx, double *y, blasint incy)
     * }
     */
    public static MethodHandle cblas_ddot$handle() {
        return cblas_ddot.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * double cblas_ddot(blasint n, double *x, blasint incx, double *y, blasint incy)
     * }
     */
    public static MemorySegment cblas_ddot$address() {
        return cblas_ddot.ADDR;
    }

    /**
     * {@snippet lang=c :
     * double cblas_ddot(blasint n, double *x, blasint incx, double *y, blasint incy)
     * }
     */
    public static double cblas_ddot(int n, MemorySegment x, int incx, MemorySegment y, int incy) {
        var mh$ = cblas_ddot.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cblas_ddot", n, x, incx, y, incy);
            }
            return (double)mh$.invokeExact(n, x, incx, y, incy);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cblas_daxpy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            openblas_h.C_INT,
            openblas_h.C_DOUBLE,
            openblas_h.C_POINTER,
            openblas_h.C_INT,
            openblas_h.C_POINTER,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("cblas_daxpy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cblas_daxpy(blasint n, double alpha, double *x, blasint incx, double *y, blasint incy)
     * }
     */
    public static FunctionDescriptor cblas_daxpy$descriptor() {
        return cblas_daxpy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cblas_daxpy(blasint n, double alpha, double *x, blasint incx, double *y, blasint incy)
     * }
     */
    public static MethodHandle cblas_daxpy$handle() {
        return cblas_daxpy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cblas_daxpy(blasint n, double alpha, double *x, blasint incx, double *y, blasint incy)
     * }
     */
    public static MemorySegment cblas_daxpy$address() {
        return cblas_daxpy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cblas_daxpy(blasint n, double alpha, double *x, blasint incx, double *y, blasint incy)
     * }
     */
    public static void cblas_daxpy(int n, double alpha, MemorySegment x, int incx, MemorySegment y, int incy) {
        var mh$ = cblas_daxpy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cblas_daxpy", n, alpha, x, incx, y, incy);
            }
            mh$.invokeExact(n, alpha, x, incx, y, incy);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cblas_dscal {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            openblas_h.C_INT,
            openblas_h.C_DOUBLE,
            openblas_h.C_POINTER,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("cblas_dscal");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cblas_dscal(blasint N, double alpha, double *X, blasint incX)
     * }
     */
    public static FunctionDescriptor cblas_dscal$descriptor() {
        return cblas_dscal.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cblas_dscal(blasint N, double alpha, double *X, blasint incX)
     * }
     */
    public static MethodHandle cblas_dscal$handle() {
        return cblas_dscal.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cblas_dscal(blasint N, double alpha, double *X, blasint incX)
     * }
     */
    public static MemorySegment cblas_dscal$address() {
        return cblas_dscal.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cblas_dscal(blasint N, double alpha, double *X, blasint incX)
     * }
     */
    public static void cblas_dscal(int N, double alpha, MemorySegment X, int incX) {
        var mh$ = cblas_dscal.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cblas_dscal", N, alpha, X, incX);
            }
            mh$.invokeExact(N, alpha, X, incX);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cblas_dasum {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            openblas_h.C_DOUBLE,
            openblas_h.C_INT,
            openblas_h.C_POINTER,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("cblas_dasum");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * double cblas_dasum(blasint n, double *x, blasint incx)
     * }
     */
    public static FunctionDescriptor cblas_dasum$descriptor() {
        return cblas_dasum.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * double cblas_dasum(blasint n, double *x, blasint incx)
     * }
     */
    public static MethodHandle cblas_dasum$handle() {
        return cblas_dasum.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * double cblas_dasum(blasint n, double *x, blasint incx)
     * }
     */
    public static MemorySegment cblas_dasum$address() {
        return cblas_dasum.ADDR;
    }

    /**
     * {@snippet lang=c :
     * double cblas_dasum(blasint n, double *x, blasint incx)
     * }
     */
    public static double cblas_dasum(int n, MemorySegment x, int incx) {
        var mh$ = cblas_dasum.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cblas_dasum", n, x, incx);
            }
            return (double)mh$.invokeExact(n, x, incx);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cblas_dnrm2 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            openblas_h.C_DOUBLE,
            openblas_h.C_INT,
            openblas_h.C_POINTER,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("cblas_dnrm2");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * double cblas_dnrm2(blasint N, double *X, blasint incX)
     * }
     */
    public static FunctionDescriptor cblas_dnrm2$descriptor() {
        return cblas_dnrm2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * double cblas_dnrm2(blasint N, double *X, blasint incX)
     * }
     */
    public static MethodHandle cblas_dnrm2$handle() {
        return cblas_dnrm2.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * double cblas_dnrm2(blasint N, double *X, blasint incX)
     * }
     */
    public static MemorySegment cblas_dnrm2$address() {
        return cblas_dnrm2.ADDR;
    }

    /**
     * {@snippet lang=c :
     * double cblas_dnrm2(blasint N, double *X, blasint incX)
     * }
     */
    public static double cblas_dnrm2(int N, MemorySegment X, int incX) {
        var mh$ = cblas_dnrm2.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cblas_dnrm2", N, X, incX);
            }
            return (double)mh$.invokeExact(N, X, incX);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cblas_idamax {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            openblas_h.C_LONG,
            openblas_h.C_INT,
            openblas_h.C_POINTER,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("cblas_idamax");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * CBLAS_INDEX cblas_idamax(blasint n, double *x, blasint incx)
     * }
     */
    public static FunctionDescriptor cblas_idamax$descriptor() {
        return cblas_idamax.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * CBLAS_INDEX cblas_idamax(blasint n, double *x, blasint incx)
     * }
     */
    public static MethodHandle cblas_idamax$handle() {
        return cblas_idamax.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * CBLAS_INDEX cblas_idamax(blasint n, double *x, blasint incx)
     * }
     */
    public static MemorySegment cblas_idamax$address() {
        return cblas_idamax.ADDR;
    }

    /**
     * {@snippet lang=c :
     * CBLAS_INDEX cblas_idamax(blasint n, double *x, blasint incx)
     * }
     */
    public static long cblas_idamax(int n, MemorySegment x, int incx) {
        var mh$ = cblas_idamax.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cblas_idamax", n, x, incx);
            }
            return (long)mh$.invokeExact(n, x, incx);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cblas_dsum {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            openblas_h.C_DOUBLE,
            openblas_h.C_INT,
            openblas_h.C_POINTER,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("cblas_dsum");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * double cblas_dsum(blasint n, double *x, blasint incx)
     * }
     */
    public static FunctionDescriptor cblas_dsum$descriptor() {
        return cblas_dsum.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * double cblas_dsum(blasint n, double *x, blasint incx)
     * }
     */
    public static MethodHandle cblas_dsum$handle() {
        return cblas_dsum.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * double cblas_dsum(blasint n, double *x, blasint incx)
     * }
     */
    public static MemorySegment cblas_dsum$address() {
        return cblas_dsum.ADDR;
    }

    /**
     * {@snippet lang=c :
     * double cblas_dsum(blasint n, double *x, blasint incx)
     * }
     */
    public static double cblas_dsum(int n, MemorySegment x, int incx) {
        var mh$ = cblas_dsum.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cblas_dsum", n, x, incx);
            }
            return (double)mh$.invokeExact(n, x, incx);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cblas_dgemv {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            openblas_h.C_INT,
            openblas_h.C_INT,
            openblas_h.C_INT,
            openblas_h.C_INT,
            openblas_h.C_DOUBLE,
            openblas_h.C_POINTER,
            openblas_h.C_INT,
            openblas_h.C_POINTER,
            openblas_h.C_INT,
            openblas_h.C_DOUBLE,
            openblas_h.C_POINTER,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("cblas_dgemv");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cblas_dgemv(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE trans, blasint m, blasint n, double alpha, double *a, blasint lda, double *x, blasint incx, double beta, double *y, blasint incy)
     * }
     */
    public static FunctionDescriptor cblas_dgemv$descriptor() {
        return cblas_dgemv.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cblas_dgemv(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE trans, blasint m, blasint n, double alpha, double *a, blasint lda, double *x, blasint incx, double beta, double *y, blasint incy)
     * }
     */
    public static MethodHandle cblas_dgemv$handle() {
        return cblas_dgemv.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cblas_dgemv(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE trans, blasint m, blasint n, double alpha, double *a, blasint lda, double *x, blasint incx, double beta, double *y, blasint incy)
     * }
     */
    public static MemorySegment cblas_dgemv$address() {
        return cblas_dgemv.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cblas_dgemv(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE trans, blasint m, blasint n, double alpha, double *a, blasint lda, double *x, blasint incx, double beta, double *y, blasint incy)
     * }
     */
    public static void cblas_dgemv(int order, int trans, int m, int n, double alpha, MemorySegment a, int lda, MemorySegment x, int incx, double beta, MemorySegment y, int incy) {
        var mh$ = cblas_dgemv.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cblas_dgemv", order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
            }
            mh$.invokeExact(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cblas_dgemm {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            openblas_h.C_INT,
            openblas_h.C_INT,
            openblas_h.C_INT,
            openblas_h.C_INT,
            openblas_h.C_INT,
            openblas_h.C_INT,
            openblas_h.C_DOUBLE,
            openblas_h.C_POINTER,
            openblas_h.C_INT,
            openblas_h.C_POINTER,
            openblas_h.C_INT,
            openblas_h.C_DOUBLE,
            openblas_h.C_POINTER,
            openblas_h.C_INT
        );

        public static final MemorySegment ADDR = openblas_h.findOrThrow("cblas_dgemm");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cblas_dgemm(enum CBLAS_ORDER Order, enum CBLAS_TRANSPOSE TransA, enum CBLAS_TRANSPOSE TransB, blasint M, blasint N, blasint K, double alpha, double *A, blasint lda, double *B, blasint ldb, double beta, double *C, blasint ldc)
     * }
     */
    public static FunctionDescriptor cblas_dgemm$descriptor() {
        return cblas_dgemm.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cblas_dgemm(enum CBLAS_ORDER Order, enum CBLAS_TRANSPOSE TransA, enum CBLAS_TRANSPOSE TransB, blasint M, blasint N, blasint K, double alpha, double *A, blasint lda, double *B, blasint ldb, double beta, double *C, blasint ldc)
     * }
     */
    public static MethodHandle cblas_dgemm$handle() {
        return cblas_dgemm.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cblas_dgemm(enum CBLAS_ORDER Order, enum CBLAS_TRANSPOSE TransA, enum CBLAS_TRANSPOSE TransB, blasint M, blasint N, blasint K, double alpha, double *A, blasint lda, double *B, blasint ldb, double beta, double *C, blasint ldc)
     * }
     */
    public static MemorySegment cblas_dgemm$address() {
        return cblas_dgemm.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cblas_dgemm(enum CBLAS_ORDER Order, enum CBLAS_TRANSPOSE TransA, enum CBLAS_TRANSPOSE TransB, blasint M, blasint N, blasint K, double alpha, double *A, blasint lda, double *B, blasint ldb, double beta, double *C, blasint ldc)
     * }
     */
    public static void cblas_dgemm(int Order, int TransA, int TransB, int M, int N, int K, double alpha, MemorySegment A, int lda, MemorySegment B, int ldb, double beta, MemorySegment C, int ldc) {
        var mh$ = cblas_dgemm.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cblas_dgemm", Order, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
            }
            mh$.invokeExact(Order, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
}
