package dev.corebound;

/** What does the arithmetic: the kernels a {@link Blas} can run on. */
public enum Backend {
    /** Plain Java loops; the reference every other backend is checked against. */
    JAVA_SCALAR("plain Java loops (the reference)"),
    /** The Vector API ({@code jdk.incubator.vector}): SIMD in Java. */
    JAVA_VECTOR("Java Vector API (SIMD)"),
    /** corebound's own C library, called through the FFM API. */
    NATIVE("corebound's C kernels through FFM"),
    /** OpenBLAS's CBLAS, called through the FFM API. */
    OPENBLAS("OpenBLAS through FFM"),
    /** OpenBLAS through JavaCPP's JNI bindings: the JNI baseline for FFM's call cost. */
    OPENBLAS_JNI("OpenBLAS through JavaCPP's JNI");

    private final String description;

    Backend(String description) {
        this.description = description;
    }

    /**
     * True when the arithmetic runs in native code, outside the JVM's
     * interpreter and compilers: under gil(n) such calls release the lock.
     */
    public boolean isNative() {
        return this == NATIVE || this == OPENBLAS || this == OPENBLAS_JNI;
    }

    /** One line saying what the backend is. */
    public String description() {
        return description;
    }
}
