package dev.corebound.bench.plan;

import dev.corebound.Backend;
import dev.corebound.bench.jmh.CallOverheadBenchmark;
import dev.corebound.bench.jmh.DotBenchmark;
import dev.corebound.bench.jmh.GemmBenchmark;
import dev.corebound.bench.jmh.GemvBenchmark;
import dev.corebound.bench.jmh.NaiveGemmBenchmark;
import dev.corebound.bench.jmh.PeerDotBenchmark;
import dev.corebound.bench.jmh.PeerGemmBenchmark;
import dev.corebound.bench.jmh.AxpyBenchmark;
import dev.corebound.bench.jmh.WorkloadBenchmark;
import dev.corebound.bench.python.NumpyPeer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The plans {@code compare} runs. {@link #quick} fits in about three and a half minutes
 * on two cores; {@link #full} sweeps every size and worker count.
 */
public final class Plans {

    /** Flags for a fork without the Vector API module, so that netlib falls back to its plain Java BLAS. */
    private static final List<String> NO_VECTOR_FLAGS = List.of("--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx4g");
    /** JVM flags every other fork needs: the Vector API module and native access for corebound. */
    public static final List<String> JVM_FLAGS = Stream.concat(Stream.of("--add-modules=jdk.incubator.vector"),
            NO_VECTOR_FLAGS.stream()).toList();

    private static final List<String> BACKENDS = List.of(Backend.values()).stream().map(Enum::name).toList();
    private static final List<String> PEERS = List.of("ejml", "ejml_mt", "netlib_vector", "netlib_java");
    /** NumPy in a Python child, as the environment leaves its OpenBLAS and tuned (not JMH: see {@link #numpy}). */
    public static final List<String> NUMPY = List.of(NumpyPeer.AS_IS, NumpyPeer.TUNED);
    /** The operations NumPy is compared on. */
    private static final List<String> NUMPY_OPS = List.of("gemm", "dot");
    /** The name the naive triple loop goes by in plans and reports. */
    public static final String NAIVE = "naive_ikj";

    private static final String[] CALL_PATHS = {"plainJava", "javaKernel", "ffm", "ffmCritical", "ffmCriticalHeap",
            "openblasFfm", "openblasJni"};
    /** The backends whose gemm the plans run under every parallelism: corebound's own kernels against OpenBLAS's. */
    private static final List<String> GEMM_SCALING = List.of("JAVA_VECTOR", "NATIVE", "OPENBLAS", "OPENBLAS_JNI");

    private Plans() {
    }

    /** Every implementation name a plan can hold: the backends, the peers, NumPy and the naive loop. */
    public static List<String> implementations() {
        List<String> all = new ArrayList<>(BACKENDS);
        all.addAll(PEERS);
        all.addAll(NUMPY);
        all.add(NAIVE);
        return all;
    }

    /** A plan small enough for the README's main job. */
    public static List<PlanEntry> quick(int cores) {
        List<PlanEntry> plan = new ArrayList<>();
        for (long n : new long[]{128, 512, 1024}) {
            BACKENDS.forEach(b -> plan.add(blas(GemmBenchmark.class, "gemm", b, "serial", n)));
        }
        for (long n : new long[]{128, 1024}) {
            PEERS.forEach(p -> plan.add(peer("gemm", p, n)));
        }
        for (long n : new long[]{1_000, 1_000_000}) {
            BACKENDS.forEach(b -> plan.add(blas(DotBenchmark.class, "dot", b, "serial", n)));
            plan.add(peer("dot", "netlib_vector", n));
        }
        plan.addAll(workloadScaling(new int[]{1, cores}));
        plan.addAll(gemmScaling(List.of("JAVA_VECTOR", "NATIVE", "OPENBLAS"), new long[]{1024}, new int[]{cores}, false));
        for (String path : CALL_PATHS) {
            plan.add(overhead(path, 1));
        }
        return distinct(plan);
    }

    /** Every operation, size and worker count. */
    public static List<PlanEntry> full(int cores) {
        List<PlanEntry> plan = new ArrayList<>();
        for (long n : new long[]{16, 32, 64, 128, 256, 512, 1024, 2048}) {
            for (String b : BACKENDS) {
                if (!(b.equals("JAVA_SCALAR") && n > 1024)) {
                    plan.add(blas(GemmBenchmark.class, "gemm", b, "serial", n));
                }
            }
            PEERS.forEach(p -> plan.add(peer("gemm", p, n)));
            plan.add(naiveGemm(n));
        }
        for (long n : new long[]{256, 1024, 4096}) {
            BACKENDS.forEach(b -> plan.add(blas(GemvBenchmark.class, "gemv", b, "serial", n)));
        }
        for (long n : new long[]{1_000, 10_000, 100_000, 1_000_000, 10_000_000}) {
            BACKENDS.forEach(b -> plan.add(blas(DotBenchmark.class, "dot", b, "serial", n)));
            BACKENDS.forEach(b -> plan.add(blas(AxpyBenchmark.class, "axpy", b, "serial", n)));
            PEERS.forEach(p -> plan.add(peer("dot", p, n)));
        }
        int[] workerCounts = IntStream.rangeClosed(1, cores).toArray();
        plan.addAll(workloadScaling(workerCounts));
        plan.addAll(gemmScaling(GEMM_SCALING, new long[]{1024, 2048}, workerCounts, true));
        plan.addAll(mandelbrotScaling(workerCounts));
        for (String path : CALL_PATHS) {
            plan.add(overhead(path, 1));
            plan.add(overhead(path, 16));
        }
        return distinct(plan);
    }

    /**
     * NumPy's measurements beside a plan: gemm and dot at every size the plan
     * runs corebound's backends at, as is and tuned, on one OpenBLAS thread
     * (serial) and on {@code cores} (nativeThreads, as corebound's OpenBLAS
     * rows name OpenBLAS's own threads).
     */
    public static List<Subject> numpy(List<PlanEntry> plan, int cores) {
        List<String> parallelisms = cores > 1 ? List.of("serial", "nativeThreads(" + cores + ")") : List.of("serial");
        List<Subject> subjects = new ArrayList<>();
        for (String variant : NUMPY) {
            for (String op : NUMPY_OPS) {
                List<Long> sizes = plan.stream().map(PlanEntry::subject)
                        .filter(s -> s.op().equals(op) && BACKENDS.contains(s.implementation()))
                        .map(Subject::size).distinct().sorted().toList();
                for (String parallelism : parallelisms) {
                    sizes.forEach(n -> subjects.add(new Subject(op, variant, parallelism, n)));
                }
            }
        }
        return subjects;
    }

    /** Measures each entry once where two parts of a plan need it (a serial baseline, for instance). */
    private static List<PlanEntry> distinct(List<PlanEntry> plan) {
        return plan.stream().distinct().toList();
    }

    /** Speedup against workers of the CPU-bound Java workload under each parallelism, and of the C one. */
    private static List<PlanEntry> workloadScaling(int[] workerCounts) {
        List<PlanEntry> plan = new ArrayList<>();
        long samples = 1 << 23;
        plan.add(workload("monteCarloPi", "JAVA_SCALAR", "serial", samples));
        plan.add(workload("monteCarloPi", "NATIVE", "serial", samples));
        for (int w : workerCounts) {
            for (String family : List.of("threads", "processes", "gil")) {
                plan.add(workload("monteCarloPi", "JAVA_SCALAR", family + "(" + w + ")", samples));
            }
            plan.add(workload("monteCarloPi", "NATIVE", "nativeThreads(" + w + ")", samples));
            plan.add(workload("monteCarloPi", "NATIVE", "gil(" + w + ")", samples));
        }
        return plan;
    }

    /**
     * gemm of each backend at each size serially and under threads, processes
     * and, for the native backends, their own threads, for each worker count;
     * with {@code gil} under gil(n) too. Side by side in the report, they
     * answer the first question users ask: my kernels on n threads against
     * OpenBLAS on n threads.
     */
    private static List<PlanEntry> gemmScaling(List<String> backends, long[] sizes, int[] workerCounts, boolean gil) {
        List<PlanEntry> plan = new ArrayList<>();
        for (long n : sizes) {
            for (String b : backends) {
                plan.add(blas(GemmBenchmark.class, "gemm", b, "serial", n));
                List<String> families = new ArrayList<>(List.of("threads", "processes"));
                if (Backend.valueOf(b).isNative()) {
                    families.add("nativeThreads");
                }
                if (gil) {
                    families.add("gil");
                }
                for (int w : workerCounts) {
                    families.forEach(f -> plan.add(blas(GemmBenchmark.class, "gemm", b, f + "(" + w + ")", n)));
                }
            }
        }
        return plan;
    }

    /** The Mandelbrot grid (uneven work per row) in Java under each parallelism, and in C under native threads. */
    private static List<PlanEntry> mandelbrotScaling(int[] workerCounts) {
        List<PlanEntry> plan = new ArrayList<>();
        long grid = 1024;
        plan.add(workload("mandelbrot", "JAVA_SCALAR", "serial", grid));
        plan.add(workload("mandelbrot", "NATIVE", "serial", grid));
        for (int w : workerCounts) {
            for (String family : List.of("threads", "processes", "gil")) {
                plan.add(workload("mandelbrot", "JAVA_SCALAR", family + "(" + w + ")", grid));
            }
            plan.add(workload("mandelbrot", "NATIVE", "nativeThreads(" + w + ")", grid));
        }
        return plan;
    }

    /**
     * The least warm-up a subject needs before JMH measures it: 2 seconds for
     * Vector API code (JAVA_VECTOR, netlib_vector) and for worker processes,
     * nothing otherwise. Until C2 compiles it, Vector API code runs the API's
     * scalar fallback hundreds of times slower (JAVA_VECTOR's first gemm of
     * n = 1024 takes about 2 s, and it reaches its speed after 1.5 s of calls
     * at n = 128); worker JVMs compile their own kernels. The quick plan's
     * 0.6 s of warm-up measured them half warm.
     */
    static Duration warmupFloor(Subject s) {
        boolean vectorApi = s.implementation().equals("JAVA_VECTOR") || s.implementation().equals("netlib_vector");
        return vectorApi || s.family().equals("processes") ? Duration.ofSeconds(2) : Duration.ZERO;
    }

    private static PlanEntry entry(String benchmark, Map<String, String> params, List<String> jvmArgs, Subject subject) {
        return new PlanEntry(benchmark, params, jvmArgs, subject, warmupFloor(subject));
    }

    private static PlanEntry blas(Class<?> benchmark, String op, String backend, String parallelism, long n) {
        return entry(benchmark.getName() + "." + op,
                Map.of("backend", backend, "parallelism", parallelism, "n", Long.toString(n)),
                JVM_FLAGS, new Subject(op, backend, parallelism, n));
    }

    private static PlanEntry peer(String op, String peer, long n) {
        Class<?> benchmark = op.equals("gemm") ? PeerGemmBenchmark.class : PeerDotBenchmark.class;
        return entry(benchmark.getName() + "." + op, Map.of("peer", peer, "n", Long.toString(n)),
                peer.equals("netlib_java") ? NO_VECTOR_FLAGS : JVM_FLAGS, new Subject(op, peer, "serial", n));
    }

    /** The i-k-j triple loop on double[]: what a hand-written gemm has to beat. */
    private static PlanEntry naiveGemm(long n) {
        return entry(NaiveGemmBenchmark.class.getName() + ".gemm", Map.of("n", Long.toString(n)),
                JVM_FLAGS, new Subject("gemm", NAIVE, "serial", n));
    }

    /** A workload measurement; its size is Monte Carlo samples or the Mandelbrot grid's side. */
    private static PlanEntry workload(String op, String backend, String parallelism, long size) {
        String sizeParam = op.equals("mandelbrot") ? "grid" : "samples";
        return entry(WorkloadBenchmark.class.getName() + "." + op,
                Map.of("backend", backend, "parallelism", parallelism, sizeParam, Long.toString(size)),
                JVM_FLAGS, new Subject(op, backend, parallelism, size));
    }

    private static PlanEntry overhead(String path, long n) {
        return entry(CallOverheadBenchmark.class.getName() + "." + path, Map.of("n", Long.toString(n)),
                JVM_FLAGS, new Subject("overhead", path, "serial", n));
    }
}
