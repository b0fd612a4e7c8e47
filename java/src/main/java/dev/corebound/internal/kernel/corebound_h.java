// Bindings to native/include/corebound.h in jextract's shape, pointed at
// NativeLibrary's lookup. native/jextract.sh regenerates this file where
// jextract is installed; it was not on the machines this copy was written on,
// so this copy was written by hand to the same shape. After changing the
// header, regenerate (or extend by hand); HeaderBindingTest fails if they differ.

package dev.corebound.internal.kernel;

import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.stream.Collectors;

class corebound_h {

    corebound_h() {
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

    static final SymbolLookup SYMBOL_LOOKUP = dev.corebound.internal.loader.NativeLibrary.corebound();

    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(MemoryLayout.sequenceLayout(java.lang.Long.MAX_VALUE, ValueLayout.JAVA_BYTE));
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    private static final int CB_NO_TRANS = (int)0L;
    /**
     * {@snippet lang=c :
     * #define CB_NO_TRANS 0
     * }
     */
    public static int CB_NO_TRANS() {
        return CB_NO_TRANS;
    }
    private static final int CB_TRANS = (int)1L;
    /**
     * {@snippet lang=c :
     * #define CB_TRANS 1
     * }
     */
    public static int CB_TRANS() {
        return CB_TRANS;
    }

    private static class cb_version {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_version");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *cb_version(void)
     * }
     */
    public static FunctionDescriptor cb_version$descriptor() {
        return cb_version.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *cb_version(void)
     * }
     */
    public static MethodHandle cb_version$handle() {
        return cb_version.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char *cb_version(void)
     * }
     */
    public static MemorySegment cb_version$address() {
        return cb_version.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char *cb_version(void)
     * }
     */
    public static MemorySegment cb_version() {
        var mh$ = cb_version.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_version");
            }
            return (MemorySegment)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_kernel_set {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_kernel_set");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *cb_kernel_set(void)
     * }
     */
    public static FunctionDescriptor cb_kernel_set$descriptor() {
        return cb_kernel_set.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *cb_kernel_set(void)
     * }
     */
    public static MethodHandle cb_kernel_set$handle() {
        return cb_kernel_set.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char *cb_kernel_set(void)
     * }
     */
    public static MemorySegment cb_kernel_set$address() {
        return cb_kernel_set.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char *cb_kernel_set(void)
     * }
     */
    public static MemorySegment cb_kernel_set() {
        var mh$ = cb_kernel_set.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_kernel_set");
            }
            return (MemorySegment)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_select_kernel_set {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_INT,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_select_kernel_set");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int cb_select_kernel_set(const char *name)
     * }
     */
    public static FunctionDescriptor cb_select_kernel_set$descriptor() {
        return cb_select_kernel_set.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int cb_select_kernel_set(const char *name)
     * }
     */
    public static MethodHandle cb_select_kernel_set$handle() {
        return cb_select_kernel_set.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int cb_select_kernel_set(const char *name)
     * }
     */
    public static MemorySegment cb_select_kernel_set$address() {
        return cb_select_kernel_set.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int cb_select_kernel_set(const char *name)
     * }
     */
    public static int cb_select_kernel_set(MemorySegment name) {
        var mh$ = cb_select_kernel_set.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_select_kernel_set", name);
            }
            return (int)mh$.invokeExact(name);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_set_num_threads {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_INT,
            corebound_h.C_INT
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_set_num_threads");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int cb_set_num_threads(int n)
     * }
     */
    public static FunctionDescriptor cb_set_num_threads$descriptor() {
        return cb_set_num_threads.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int cb_set_num_threads(int n)
     * }
     */
    public static MethodHandle cb_set_num_threads$handle() {
        return cb_set_num_threads.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int cb_set_num_threads(int n)
     * }
     */
    public static MemorySegment cb_set_num_threads$address() {
        return cb_set_num_threads.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int cb_set_num_threads(int n)
     * }
     */
    public static int cb_set_num_threads(int n) {
        var mh$ = cb_set_num_threads.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_set_num_threads", n);
            }
            return (int)mh$.invokeExact(n);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_get_num_threads {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_INT
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_get_num_threads");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int cb_get_num_threads(void)
     * }
     */
    public static FunctionDescriptor cb_get_num_threads$descriptor() {
        return cb_get_num_threads.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int cb_get_num_threads(void)
     * }
     */
    public static MethodHandle cb_get_num_threads$handle() {
        return cb_get_num_threads.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int cb_get_num_threads(void)
     * }
     */
    public static MemorySegment cb_get_num_threads$address() {
        return cb_get_num_threads.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int cb_get_num_threads(void)
     * }
     */
    public static int cb_get_num_threads() {
        var mh$ = cb_get_num_threads.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_get_num_threads");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_ddot {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_DOUBLE,
            corebound_h.C_LONG,
            corebound_h.C_POINTER,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_ddot");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * double cb_ddot(int64_t n, const double *x, const double *y)
     * }
     */
    public static FunctionDescriptor cb_ddot$descriptor() {
        return cb_ddot.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * double cb_ddot(int64_t n, const double *x, const double *y)
     * }
     */
    public static MethodHandle cb_ddot$handle() {
        return cb_ddot.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * double cb_ddot(int64_t n, const double *x, const double *y)
     * }
     */
    public static MemorySegment cb_ddot$address() {
        return cb_ddot.ADDR;
    }

    /**
     * {@snippet lang=c :
     * double cb_ddot(int64_t n, const double *x, const double *y)
     * }
     */
    public static double cb_ddot(long n, MemorySegment x, MemorySegment y) {
        var mh$ = cb_ddot.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_ddot", n, x, y);
            }
            return (double)mh$.invokeExact(n, x, y);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_daxpy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            corebound_h.C_LONG,
            corebound_h.C_DOUBLE,
            corebound_h.C_POINTER,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_daxpy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cb_daxpy(int64_t n, double alpha, const double *x, double *y)
     * }
     */
    public static FunctionDescriptor cb_daxpy$descriptor() {
        return cb_daxpy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cb_daxpy(int64_t n, double alpha, const double *x, double *y)
     * }
     */
    public static MethodHandle cb_daxpy$handle() {
        return cb_daxpy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cb_daxpy(int64_t n, double alpha, const double *x, double *y)
     * }
     */
    public static MemorySegment cb_daxpy$address() {
        return cb_daxpy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cb_daxpy(int64_t n, double alpha, const double *x, double *y)
     * }
     */
    public static void cb_daxpy(long n, double alpha, MemorySegment x, MemorySegment y) {
        var mh$ = cb_daxpy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_daxpy", n, alpha, x, y);
            }
            mh$.invokeExact(n, alpha, x, y);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dscal {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            corebound_h.C_LONG,
            corebound_h.C_DOUBLE,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dscal");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cb_dscal(int64_t n, double alpha, double *x)
     * }
     */
    public static FunctionDescriptor cb_dscal$descriptor() {
        return cb_dscal.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cb_dscal(int64_t n, double alpha, double *x)
     * }
     */
    public static MethodHandle cb_dscal$handle() {
        return cb_dscal.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cb_dscal(int64_t n, double alpha, double *x)
     * }
     */
    public static MemorySegment cb_dscal$address() {
        return cb_dscal.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cb_dscal(int64_t n, double alpha, double *x)
     * }
     */
    public static void cb_dscal(long n, double alpha, MemorySegment x) {
        var mh$ = cb_dscal.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dscal", n, alpha, x);
            }
            mh$.invokeExact(n, alpha, x);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dasum {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_DOUBLE,
            corebound_h.C_LONG,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dasum");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * double cb_dasum(int64_t n, const double *x)
     * }
     */
    public static FunctionDescriptor cb_dasum$descriptor() {
        return cb_dasum.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * double cb_dasum(int64_t n, const double *x)
     * }
     */
    public static MethodHandle cb_dasum$handle() {
        return cb_dasum.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * double cb_dasum(int64_t n, const double *x)
     * }
     */
    public static MemorySegment cb_dasum$address() {
        return cb_dasum.ADDR;
    }

    /**
     * {@snippet lang=c :
     * double cb_dasum(int64_t n, const double *x)
     * }
     */
    public static double cb_dasum(long n, MemorySegment x) {
        var mh$ = cb_dasum.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dasum", n, x);
            }
            return (double)mh$.invokeExact(n, x);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dnrm2 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_DOUBLE,
            corebound_h.C_LONG,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dnrm2");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * double cb_dnrm2(int64_t n, const double *x)
     * }
     */
    public static FunctionDescriptor cb_dnrm2$descriptor() {
        return cb_dnrm2.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * double cb_dnrm2(int64_t n, const double *x)
     * }
     */
    public static MethodHandle cb_dnrm2$handle() {
        return cb_dnrm2.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * double cb_dnrm2(int64_t n, const double *x)
     * }
     */
    public static MemorySegment cb_dnrm2$address() {
        return cb_dnrm2.ADDR;
    }

    /**
     * {@snippet lang=c :
     * double cb_dnrm2(int64_t n, const double *x)
     * }
     */
    public static double cb_dnrm2(long n, MemorySegment x) {
        var mh$ = cb_dnrm2.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dnrm2", n, x);
            }
            return (double)mh$.invokeExact(n, x);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_idamax {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_idamax");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int64_t cb_idamax(int64_t n, const double *x)
     * }
     */
    public static FunctionDescriptor cb_idamax$descriptor() {
        return cb_idamax.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int64_t cb_idamax(int64_t n, const double *x)
     * }
     */
    public static MethodHandle cb_idamax$handle() {
        return cb_idamax.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int64_t cb_idamax(int64_t n, const double *x)
     * }
     */
    public static MemorySegment cb_idamax$address() {
        return cb_idamax.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int64_t cb_idamax(int64_t n, const double *x)
     * }
     */
    public static long cb_idamax(long n, MemorySegment x) {
        var mh$ = cb_idamax.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_idamax", n, x);
            }
            return (long)mh$.invokeExact(n, x);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dsum {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_DOUBLE,
            corebound_h.C_LONG,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dsum");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * double cb_dsum(int64_t n, const double *x)
     * }
     */
    public static FunctionDescriptor cb_dsum$descriptor() {
        return cb_dsum.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * double cb_dsum(int64_t n, const double *x)
     * }
     */
    public static MethodHandle cb_dsum$handle() {
        return cb_dsum.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * double cb_dsum(int64_t n, const double *x)
     * }
     */
    public static MemorySegment cb_dsum$address() {
        return cb_dsum.ADDR;
    }

    /**
     * {@snippet lang=c :
     * double cb_dsum(int64_t n, const double *x)
     * }
     */
    public static double cb_dsum(long n, MemorySegment x) {
        var mh$ = cb_dsum.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dsum", n, x);
            }
            return (double)mh$.invokeExact(n, x);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dgemv {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            corebound_h.C_INT,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_DOUBLE,
            corebound_h.C_POINTER,
            corebound_h.C_LONG,
            corebound_h.C_POINTER,
            corebound_h.C_DOUBLE,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dgemv");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cb_dgemv(int trans, int64_t m, int64_t n, double alpha, const double *a, int64_t lda, const double *x, double beta, double *y)
     * }
     */
    public static FunctionDescriptor cb_dgemv$descriptor() {
        return cb_dgemv.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cb_dgemv(int trans, int64_t m, int64_t n, double alpha, const double *a, int64_t lda, const double *x, double beta, double *y)
     * }
     */
    public static MethodHandle cb_dgemv$handle() {
        return cb_dgemv.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cb_dgemv(int trans, int64_t m, int64_t n, double alpha, const double *a, int64_t lda, const double *x, double beta, double *y)
     * }
     */
    public static MemorySegment cb_dgemv$address() {
        return cb_dgemv.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cb_dgemv(int trans, int64_t m, int64_t n, double alpha, const double *a, int64_t lda, const double *x, double beta, double *y)
     * }
     */
    public static void cb_dgemv(int trans, long m, long n, double alpha, MemorySegment a, long lda, MemorySegment x, double beta, MemorySegment y) {
        var mh$ = cb_dgemv.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dgemv", trans, m, n, alpha, a, lda, x, beta, y);
            }
            mh$.invokeExact(trans, m, n, alpha, a, lda, x, beta, y);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dgemm {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            corebound_h.C_INT,
            corebound_h.C_INT,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_DOUBLE,
            corebound_h.C_POINTER,
            corebound_h.C_LONG,
            corebound_h.C_POINTER,
            corebound_h.C_LONG,
            corebound_h.C_DOUBLE,
            corebound_h.C_POINTER,
            corebound_h.C_LONG
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dgemm");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cb_dgemm(int transa, int transb, int64_t m, int64_t n, int64_t k, double alpha, const double *a, int64_t lda, const double *b, int64_t ldb, double beta, double *c, int64_t ldc)
     * }
     */
    public static FunctionDescriptor cb_dgemm$descriptor() {
        return cb_dgemm.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cb_dgemm(int transa, int transb, int64_t m, int64_t n, int64_t k, double alpha, const double *a, int64_t lda, const double *b, int64_t ldb, double beta, double *c, int64_t ldc)
     * }
     */
    public static MethodHandle cb_dgemm$handle() {
        return cb_dgemm.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cb_dgemm(int transa, int transb, int64_t m, int64_t n, int64_t k, double alpha, const double *a, int64_t lda, const double *b, int64_t ldb, double beta, double *c, int64_t ldc)
     * }
     */
    public static MemorySegment cb_dgemm$address() {
        return cb_dgemm.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cb_dgemm(int transa, int transb, int64_t m, int64_t n, int64_t k, double alpha, const double *a, int64_t lda, const double *b, int64_t ldb, double beta, double *c, int64_t ldc)
     * }
     */
    public static void cb_dgemm(int transa, int transb, long m, long n, long k, double alpha, MemorySegment a, long lda, MemorySegment b, long ldb, double beta, MemorySegment c, long ldc) {
        var mh$ = cb_dgemm.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dgemm", transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            }
            mh$.invokeExact(transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dgemm_packed_b_size {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_LONG
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dgemm_packed_b_size");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int64_t cb_dgemm_packed_b_size(int64_t k, int64_t n)
     * }
     */
    public static FunctionDescriptor cb_dgemm_packed_b_size$descriptor() {
        return cb_dgemm_packed_b_size.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int64_t cb_dgemm_packed_b_size(int64_t k, int64_t n)
     * }
     */
    public static MethodHandle cb_dgemm_packed_b_size$handle() {
        return cb_dgemm_packed_b_size.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int64_t cb_dgemm_packed_b_size(int64_t k, int64_t n)
     * }
     */
    public static MemorySegment cb_dgemm_packed_b_size$address() {
        return cb_dgemm_packed_b_size.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int64_t cb_dgemm_packed_b_size(int64_t k, int64_t n)
     * }
     */
    public static long cb_dgemm_packed_b_size(long k, long n) {
        var mh$ = cb_dgemm_packed_b_size.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dgemm_packed_b_size", k, n);
            }
            return (long)mh$.invokeExact(k, n);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dgemm_column_step {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_LONG
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dgemm_column_step");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int64_t cb_dgemm_column_step(void)
     * }
     */
    public static FunctionDescriptor cb_dgemm_column_step$descriptor() {
        return cb_dgemm_column_step.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int64_t cb_dgemm_column_step(void)
     * }
     */
    public static MethodHandle cb_dgemm_column_step$handle() {
        return cb_dgemm_column_step.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int64_t cb_dgemm_column_step(void)
     * }
     */
    public static MemorySegment cb_dgemm_column_step$address() {
        return cb_dgemm_column_step.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int64_t cb_dgemm_column_step(void)
     * }
     */
    public static long cb_dgemm_column_step() {
        var mh$ = cb_dgemm_column_step.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dgemm_column_step");
            }
            return (long)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dgemm_pack_b {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            corebound_h.C_INT,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_DOUBLE,
            corebound_h.C_POINTER,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dgemm_pack_b");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cb_dgemm_pack_b(int transb, int64_t k, int64_t n, double alpha, const double *b, int64_t ldb, int64_t j0, int64_t j1, double *packed)
     * }
     */
    public static FunctionDescriptor cb_dgemm_pack_b$descriptor() {
        return cb_dgemm_pack_b.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cb_dgemm_pack_b(int transb, int64_t k, int64_t n, double alpha, const double *b, int64_t ldb, int64_t j0, int64_t j1, double *packed)
     * }
     */
    public static MethodHandle cb_dgemm_pack_b$handle() {
        return cb_dgemm_pack_b.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cb_dgemm_pack_b(int transb, int64_t k, int64_t n, double alpha, const double *b, int64_t ldb, int64_t j0, int64_t j1, double *packed)
     * }
     */
    public static MemorySegment cb_dgemm_pack_b$address() {
        return cb_dgemm_pack_b.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cb_dgemm_pack_b(int transb, int64_t k, int64_t n, double alpha, const double *b, int64_t ldb, int64_t j0, int64_t j1, double *packed)
     * }
     */
    public static void cb_dgemm_pack_b(int transb, long k, long n, double alpha, MemorySegment b, long ldb, long j0, long j1, MemorySegment packed) {
        var mh$ = cb_dgemm_pack_b.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dgemm_pack_b", transb, k, n, alpha, b, ldb, j0, j1, packed);
            }
            mh$.invokeExact(transb, k, n, alpha, b, ldb, j0, j1, packed);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_dgemm_packed {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            corebound_h.C_INT,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_POINTER,
            corebound_h.C_LONG,
            corebound_h.C_POINTER,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_DOUBLE,
            corebound_h.C_POINTER,
            corebound_h.C_LONG
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_dgemm_packed");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cb_dgemm_packed(int transa, int64_t m, int64_t k, const double *a, int64_t lda, const double *packed, int64_t n, int64_t j0, int64_t j1, double beta, double *c, int64_t ldc)
     * }
     */
    public static FunctionDescriptor cb_dgemm_packed$descriptor() {
        return cb_dgemm_packed.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cb_dgemm_packed(int transa, int64_t m, int64_t k, const double *a, int64_t lda, const double *packed, int64_t n, int64_t j0, int64_t j1, double beta, double *c, int64_t ldc)
     * }
     */
    public static MethodHandle cb_dgemm_packed$handle() {
        return cb_dgemm_packed.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cb_dgemm_packed(int transa, int64_t m, int64_t k, const double *a, int64_t lda, const double *packed, int64_t n, int64_t j0, int64_t j1, double beta, double *c, int64_t ldc)
     * }
     */
    public static MemorySegment cb_dgemm_packed$address() {
        return cb_dgemm_packed.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cb_dgemm_packed(int transa, int64_t m, int64_t k, const double *a, int64_t lda, const double *packed, int64_t n, int64_t j0, int64_t j1, double beta, double *c, int64_t ldc)
     * }
     */
    public static void cb_dgemm_packed(int transa, long m, long k, MemorySegment a, long lda, MemorySegment packed, long n, long j0, long j1, double beta, MemorySegment c, long ldc) {
        var mh$ = cb_dgemm_packed.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_dgemm_packed", transa, m, k, a, lda, packed, n, j0, j1, beta, c, ldc);
            }
            mh$.invokeExact(transa, m, k, a, lda, packed, n, j0, j1, beta, c, ldc);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_monte_carlo_pi {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_LONG
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_monte_carlo_pi");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int64_t cb_monte_carlo_pi(uint64_t seed, int64_t first, int64_t count)
     * }
     */
    public static FunctionDescriptor cb_monte_carlo_pi$descriptor() {
        return cb_monte_carlo_pi.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int64_t cb_monte_carlo_pi(uint64_t seed, int64_t first, int64_t count)
     * }
     */
    public static MethodHandle cb_monte_carlo_pi$handle() {
        return cb_monte_carlo_pi.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int64_t cb_monte_carlo_pi(uint64_t seed, int64_t first, int64_t count)
     * }
     */
    public static MemorySegment cb_monte_carlo_pi$address() {
        return cb_monte_carlo_pi.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int64_t cb_monte_carlo_pi(uint64_t seed, int64_t first, int64_t count)
     * }
     */
    public static long cb_monte_carlo_pi(long seed, long first, long count) {
        var mh$ = cb_monte_carlo_pi.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_monte_carlo_pi", seed, first, count);
            }
            return (long)mh$.invokeExact(seed, first, count);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_mandelbrot {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_INT,
            corebound_h.C_DOUBLE,
            corebound_h.C_DOUBLE,
            corebound_h.C_DOUBLE,
            corebound_h.C_DOUBLE
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_mandelbrot");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int64_t cb_mandelbrot(int64_t width, int64_t height, int64_t row_begin, int64_t row_end, int32_t max_iter, double x_min, double x_max, double y_min, double y_max)
     * }
     */
    public static FunctionDescriptor cb_mandelbrot$descriptor() {
        return cb_mandelbrot.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int64_t cb_mandelbrot(int64_t width, int64_t height, int64_t row_begin, int64_t row_end, int32_t max_iter, double x_min, double x_max, double y_min, double y_max)
     * }
     */
    public static MethodHandle cb_mandelbrot$handle() {
        return cb_mandelbrot.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int64_t cb_mandelbrot(int64_t width, int64_t height, int64_t row_begin, int64_t row_end, int32_t max_iter, double x_min, double x_max, double y_min, double y_max)
     * }
     */
    public static MemorySegment cb_mandelbrot$address() {
        return cb_mandelbrot.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int64_t cb_mandelbrot(int64_t width, int64_t height, int64_t row_begin, int64_t row_end, int32_t max_iter, double x_min, double x_max, double y_min, double y_max)
     * }
     */
    public static long cb_mandelbrot(long width, long height, long row_begin, long row_end, int max_iter, double x_min, double x_max, double y_min, double y_max) {
        var mh$ = cb_mandelbrot.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_mandelbrot", width, height, row_begin, row_end, max_iter, x_min, x_max, y_min, y_max);
            }
            return (long)mh$.invokeExact(width, height, row_begin, row_end, max_iter, x_min, x_max, y_min, y_max);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_peak_fma {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            corebound_h.C_LONG,
            corebound_h.C_LONG,
            corebound_h.C_POINTER
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_peak_fma");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int64_t cb_peak_fma(int64_t rounds, double *sink)
     * }
     */
    public static FunctionDescriptor cb_peak_fma$descriptor() {
        return cb_peak_fma.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int64_t cb_peak_fma(int64_t rounds, double *sink)
     * }
     */
    public static MethodHandle cb_peak_fma$handle() {
        return cb_peak_fma.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int64_t cb_peak_fma(int64_t rounds, double *sink)
     * }
     */
    public static MemorySegment cb_peak_fma$address() {
        return cb_peak_fma.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int64_t cb_peak_fma(int64_t rounds, double *sink)
     * }
     */
    public static long cb_peak_fma(long rounds, MemorySegment sink) {
        var mh$ = cb_peak_fma.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_peak_fma", rounds, sink);
            }
            return (long)mh$.invokeExact(rounds, sink);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_triad {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            corebound_h.C_LONG,
            corebound_h.C_POINTER,
            corebound_h.C_POINTER,
            corebound_h.C_POINTER,
            corebound_h.C_DOUBLE
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_triad");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cb_triad(int64_t n, double *a, const double *b, const double *c, double s)
     * }
     */
    public static FunctionDescriptor cb_triad$descriptor() {
        return cb_triad.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cb_triad(int64_t n, double *a, const double *b, const double *c, double s)
     * }
     */
    public static MethodHandle cb_triad$handle() {
        return cb_triad.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cb_triad(int64_t n, double *a, const double *b, const double *c, double s)
     * }
     */
    public static MemorySegment cb_triad$address() {
        return cb_triad.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cb_triad(int64_t n, double *a, const double *b, const double *c, double s)
     * }
     */
    public static void cb_triad(long n, MemorySegment a, MemorySegment b, MemorySegment c, double s) {
        var mh$ = cb_triad.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_triad", n, a, b, c, s);
            }
            mh$.invokeExact(n, a, b, c, s);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
    private static class cb_debug_segfault {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            
        );

        public static final MemorySegment ADDR = corebound_h.findOrThrow("cb_debug_segfault");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void cb_debug_segfault(void)
     * }
     */
    public static FunctionDescriptor cb_debug_segfault$descriptor() {
        return cb_debug_segfault.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void cb_debug_segfault(void)
     * }
     */
    public static MethodHandle cb_debug_segfault$handle() {
        return cb_debug_segfault.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void cb_debug_segfault(void)
     * }
     */
    public static MemorySegment cb_debug_segfault$address() {
        return cb_debug_segfault.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void cb_debug_segfault(void)
     * }
     */
    public static void cb_debug_segfault() {
        var mh$ = cb_debug_segfault.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cb_debug_segfault");
            }
            mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
}
