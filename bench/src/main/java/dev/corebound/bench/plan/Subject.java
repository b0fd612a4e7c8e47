package dev.corebound.bench.plan;

/**
 * What one measurement is of: an operation at a size, done by an
 * implementation (a corebound backend or a peer library) under a parallelism.
 *
 * @param op             gemm, gemv, dot, axpy, monteCarloPi, mandelbrot, or overhead
 * @param implementation a backend name (JAVA_VECTOR), a peer (ejml, netlib_vector), or for overhead the call path
 * @param parallelism    a parallelism name, e.g. threads(2); "serial" for peers
 * @param size           n: the matrix side, the vector length, the samples or the grid side
 */
public record Subject(String op, String implementation, String parallelism, long size) {

    /** How many workers the parallelism has (1 for serial). */
    public int workers() {
        return workers(parallelism);
    }

    /**
     * The worker count of a parallelism name: 2 for "threads(2)", this machine's
     * cores for virtualThreads (a virtual thread per slice, carried by one
     * platform thread per core), 1 for serial.
     */
    public static int workers(String parallelism) {
        if (parallelism.equals("virtualThreads")) {
            return Runtime.getRuntime().availableProcessors();
        }
        int open = parallelism.indexOf('(');
        return open < 0 ? 1 : Integer.parseInt(parallelism.substring(open + 1, parallelism.length() - 1));
    }

    /** The parallelism without its worker count: serial, threads, processes, gil, nativeThreads, virtualThreads. */
    public String family() {
        return family(parallelism);
    }

    /** The family of a parallelism name: "threads" for "threads(2)", the name itself when it has no count. */
    public static String family(String parallelism) {
        int open = parallelism.indexOf('(');
        return open < 0 ? parallelism : parallelism.substring(0, open);
    }

    /** Floating-point operations in one call, or 0 where flops are not the measure. */
    public double flops() {
        double n = size;
        return switch (op) {
            case "gemm" -> 2 * n * n * n;
            case "gemv" -> 2 * n * n;
            case "dot", "axpy" -> 2 * n;
            default -> 0;
        };
    }

    /** Bytes one call must move to or from memory at least, or 0 where bandwidth is not the measure. */
    public double bytes() {
        double n = size;
        return switch (op) {
            case "gemv" -> 8 * n * n + 16 * n;
            case "dot" -> 16 * n;
            case "axpy" -> 24 * n;
            default -> 0;
        };
    }

    /** True when GB/s, not GFLOP/s, says how close this operation is to the machine's limit. */
    public boolean memoryBound() {
        return bytes() > 0;
    }

    /** For example "gemm JAVA_VECTOR serial n=512". */
    public String label() {
        return op + " " + implementation + " " + parallelism + " n=" + size;
    }
}
