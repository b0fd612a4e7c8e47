package dev.corebound.bench.claims;

import dev.corebound.bench.claims.PythonRun.Finding;
import dev.corebound.bench.python.JsonNode;
import dev.corebound.bench.report.ReportFiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CPython script's claims document (bench/python/README.md gives its
 * fields) into a finding per claim: the figure, a verdict by the same rule as
 * the JVM's (0.7 n for "scales"), and a sentence on where the two runtimes
 * agree and where they differ.
 */
final class CPythonClaims {

    private final JsonNode doc;
    private final Map<Integer, Claim> jvm = new LinkedHashMap<>();
    private final int n;
    private final boolean gil;
    private final String name;

    private CPythonClaims(JsonNode doc, List<Claim> jvmClaims) {
        this.doc = doc;
        jvmClaims.forEach(c -> jvm.put(c.number(), c));
        this.n = (int) doc.get("workers").integer();
        this.gil = doc.get("python").get("gil_enabled").bool();
        this.name = doc.get("python").get("implementation").text();
    }

    /** The findings of one interpreter's claims document, set against the JVM's claims. */
    static PythonRun read(JsonNode doc, String text, List<Claim> jvmClaims) {
        CPythonClaims c = new CPythonClaims(doc, jvmClaims);
        Map<Integer, Finding> findings = new LinkedHashMap<>();
        findings.put(1, c.experiment("processes", c::processes));
        findings.put(2, c.experiment("start_times", c::startTimes));
        findings.put(3, c.experiment("memory", c::memory));
        findings.put(4, c.experiment("ipc", c::ipc));
        findings.put(5, c.experiment("killing", c::killing));
        findings.put(6, c.experiment("races", c::races));
        findings.put(7, c.experiment("gil_threads", c::gilThreads));
        findings.put(8, c.experiment("io", c::io));
        findings.put(9, c.experiment("numpy_threads", c::numpyThreads));
        findings.put(10, c.experiment("gil_threads", c::threadsOnCpuWork));
        return new PythonRun(c.label(), c.description(), findings, text);
    }

    private interface Reading {
        Finding from(JsonNode experiment);
    }

    /** An experiment's finding, or what the script said instead (skipped, failed, not run). */
    private Finding experiment(String key, Reading reading) {
        JsonNode experiments = doc.get("experiments");
        if (!experiments.has(key)) {
            return new Finding("not run", null, "");
        }
        JsonNode e = experiments.get(key);
        if (e.has("skipped")) {
            return new Finding("skipped: " + e.get("skipped").text(), null, "");
        }
        if (e.has("error")) {
            return new Finding("failed: " + e.get("error").text(), null, "");
        }
        return reading.from(e);
    }

    /** "CPython 3.11", or "CPython 3.13 (free-threaded)" when its threads run at once. */
    private String label() {
        String version = doc.get("python").get("version").text();
        String minor = version.replaceAll("^(\\d+\\.\\d+).*", "$1");
        return name + " " + minor + (gil ? "" : " (free-threaded)");
    }

    private String description() {
        JsonNode py = doc.get("python");
        StringBuilder sb = new StringBuilder(f("%s %s (%s), GIL %s (%s), switch interval %s", name,
                py.get("version").text(), py.get("executable").text(), gil ? "enabled" : "disabled",
                py.get("gil_enabled_from").text(), time(py.get("switch_interval_seconds").number())));
        JsonNode numpy = doc.get("numpy");
        if (numpy.has("skipped")) {
            sb.append("; ").append(numpy.get("skipped").text());
        } else {
            JsonNode ob = numpy.get("openblas");
            sb.append("; NumPy ").append(numpy.get("version").text()).append(" on ").append(numpy.get("build_blas").text())
                    .append(", running the ").append(ob.get("corename").text()).append(" kernels");
        }
        return sb.toString();
    }

    private Finding processes(JsonNode e) {
        double speedup = e.get("speedup").number();
        double pyPerSample = e.get("serial_seconds").number() / e.get("samples").number();
        Claim j = jvm.get(1);
        double jvmPerSample = j.measured("serial_seconds") / j.measured("samples");
        return new Finding(f("Pool(%d) %.2fx faster than serial (%s against %s, %s samples%s)", n, speedup,
                time(e.get("pool_seconds").number()), time(e.get("serial_seconds").number()),
                count(e.get("samples").integer()), e.get("hits_agree").bool() ? ", the hits Java counts" : ", hits DIFFER"),
                Verdict.of(speedup >= 0.7 * n),
                agreement(1, Verdict.of(speedup >= 0.7 * n), f("both put %d cores to work through processes; one "
                        + "sample costs %s in pure Python and %s in compiled Java (%.0fx)", n, time(pyPerSample),
                        time(jvmPerSample), pyPerSample / jvmPerSample)));
    }

    private Finding startTimes(JsonNode e) {
        double thread = e.get("thread_seconds").number();
        double slowest = 0;
        double fastest = Double.MAX_VALUE;
        StringBuilder methods = new StringBuilder();
        for (String method : List.of("fork", "spawn", "forkserver")) {
            JsonNode t = e.get(method + "_seconds");
            if (!t.isNull()) {
                methods.append(methods.isEmpty() ? "" : ", ").append(method).append(' ').append(time(t.number()));
                slowest = Math.max(slowest, t.number());
                fastest = Math.min(fastest, t.number());
            }
        }
        Verdict v = Verdict.of(fastest > thread);
        Claim j = jvm.get(2);
        JsonNode spawn = e.get("spawn_seconds");
        String starts = Double.isNaN(j.measured("worker_jvm_seconds")) || spawn.isNull() ? ""
                : f(" (a worker JVM %s, a spawned interpreter %s)", time(j.measured("worker_jvm_seconds")),
                time(spawn.number()));
        return new Finding(f("thread %s; process: %s", time(thread), methods), v,
                agreement(2, v, "a fresh process costs about the same on both" + starts + "; the JVM has no fork, "
                        + "which copies a running interpreter in a few milliseconds, so corebound keeps warm workers "
                        + "and a spare instead"));
    }

    private Finding memory(JsonNode e) {
        double perThread = e.get("per_thread_bytes").number();
        JsonNode spawn = e.get("spawn_child_rss_bytes");
        JsonNode fork = e.get("fork_child_private_bytes");
        double child = spawn.isNull() ? e.get("fork_child_rss_bytes").number() : spawn.number();
        Verdict v = Verdict.of(child > perThread);
        String figure = f("spawned interpreter %s resident%s; one more thread %s", mib(child),
                fork.isNull() ? "" : f(", a forked one %s of its own", mib(fork.number())), kib(perThread));
        double worker = jvm.get(3).measured("worker_rss_bytes");
        return new Finding(figure, v, agreement(3, v, Double.isNaN(worker) ? "a process costs more than a thread on both"
                : f("a worker JVM (%s) costs %.1fx a fresh interpreter; a thread costs a few KiB on both", mib(worker),
                worker / child)));
    }

    private Finding ipc(JsonNode e) {
        double pipe = e.get("pipe_gb_per_s").number();
        double shared = e.get("shared_memory_gb_per_s").number();
        Verdict v = Verdict.of(pipe < shared);
        return new Finding(f("%d MiB: pipe in 64 KiB messages %.2f GB/s (%.2f GB/s as one message); "
                        + "multiprocessing.shared_memory %.1f GB/s (%.1fx)", e.get("bytes").integer() >> 20, pipe,
                e.get("pipe_one_message_gb_per_s").number(), shared, shared / pipe), v,
                agreement(4, v, "both copy every byte twice through a pipe and read shared memory in place"));
    }

    private Finding killing(JsonNode e) {
        boolean threadRan = e.get("thread_alive_after_grace").bool();
        JsonNode asyncStopped = e.get("async_exception_stopped");
        String async = !asyncStopped.isNull() && asyncStopped.bool()
                ? f(", though PyThreadState_SetAsyncExc through ctypes ended its pure-Python loop in %s",
                time(e.get("async_exception_seconds").number()))
                : "";
        Verdict v = Verdict.of(threadRan);
        return new Finding(f("Process.kill() reported in %s (exit %d); a killed ProcessPoolExecutor worker broke the "
                        + "pool in %s (it is not replaced); a thread %s after %s%s", time(e.get("kill_seconds").number()),
                e.get("exit_code").integer(), time(e.get("executor_broken_seconds").number()),
                threadRan ? "still ran" : "had stopped", time(e.get("grace_seconds").number()), async), v,
                agreement(5, v, "neither runtime's thread API stops a thread; CPython's C API can raise an exception "
                        + "inside one between bytecodes (not inside C code), the JVM removed Thread.stop"));
    }

    private Finding races(JsonNode e) {
        long expected = e.get("expected").integer();
        long plain = e.get("plain_lost").integer();
        long readCallWrite = e.get("read_call_write_lost").integer();
        Verdict v = Verdict.of(plain > 0 || readCallWrite > 0);
        return new Finding(f("x += 1 lost %,d of %,d (%.1f ns each); read, call, write lost %,d (%.0f%%); under a "
                        + "lock %,d lost (%.1f ns)", plain, expected, e.get("plain_ns_per_update").number(), readCallWrite,
                100.0 * readCallWrite / expected, e.get("locked_lost").integer(), e.get("locked_ns_per_update").number()),
                v, agreement(6, v, readCallWrite == 0 ? f("no update was lost on CPython in this run: with %,d "
                        + "increments per thread and a switch interval of %s the threads rarely switched in the middle of "
                        + "one; JVM threads run at once and lost %,.0f", e.get("increments_per_thread").integer(),
                        time(e.get("switch_interval_seconds").number()), jvm.get(6).measured("lost"))
                        : plain == 0 ? "the race is there on both; a bare x += 1 lost nothing on CPython because 3.10+ "
                        + "switches threads only at calls and backward jumps, while JVM threads run at once and lose "
                        + "updates at every step" : "both lose bare increments"));
    }

    private Finding gilThreads(JsonNode e) {
        double speedup = e.get("speedup").number();
        Verdict v = Verdict.of(speedup < 1.3); // the JVM experiment's rule for a lock that serializes
        Claim j = jvm.get(7);
        double model = j.measured("gil_speedup");
        String distance = Double.isNaN(model) ? ""
                : f("; the model gil(%d) ran %.2fx, %s the real lock's %.2fx", n, model,
                Math.abs(model - speedup) < 0.1 ? "close to" : model > speedup ? f("%.0f%% above", 100 * (model / speedup - 1))
                        : f("%.0f%% below", 100 * (1 - model / speedup)), speedup);
        String comparison = gil
                ? (v == Verdict.HOLDS ? "agree: " : "differ: ")
                + "the real lock serializes CPU-bound Python as gil(n) serializes Java arithmetic" + distance
                + (model > speedup ? " (the model switches only between chunks of compiled Java, and its threads "
                + "pay no interpreter overhead for the hand-over)" : "")
                : "differ from the model: a free-threaded CPython runs these threads at once, the third way out of the "
                + "lock the notes name" + distance;
        return new Finding(f("threads(%d) %.2fx the speed of serial on pure-Python Monte Carlo pi (GIL %s)", n, speedup,
                gil ? "enabled" : "disabled"), v, comparison);
    }

    private Finding io(JsonNode e) {
        double threads = e.get("threads_speedup").number();
        Verdict v = Verdict.of(threads >= 0.7 * n);
        return new Finding(f("%d requests: serial %s, threads(%d) %.2fx, a thread per request %.1fx",
                e.get("requests").integer(), time(e.get("serial_seconds").number()), n, threads,
                e.get("thread_per_request_speedup").number()), v,
                agreement(8, v, f("threads(%d) %.2fx on the JVM, %.2fx on CPython%s", n,
                        jvm.get(8).measured("threads_speedup"), threads,
                        v == Verdict.HOLDS ? ": a thread waiting on a socket holds no lock on either runtime" : "")));
    }

    private Finding numpyThreads(JsonNode e) {
        double speedup = e.get("speedup").number();
        Verdict v = Verdict.of(speedup >= 0.7 * n);
        double model = jvm.get(9).measured("openblas_gil_speedup");
        return new Finding(f("NumPy dgemm n = %d on %d Python threads %.2fx one (%.1f against %.1f GFLOP/s, OpenBLAS's "
                        + "own threads pinned to %s, %s kernels)", e.get("n").integer(), n, speedup,
                e.get("threads_gflops").number(), e.get("serial_gflops").number(),
                e.get("blas_threads").isNull() ? "?" : Long.toString(e.get("blas_threads").integer()),
                e.get("corename").text()), v,
                agreement(9, v, f("OpenBLAS under gil(%d) %.2fx, NumPy's dgemm under CPython's lock %.2fx%s", n, model,
                        speedup, v == Verdict.HOLDS ? ": native code runs with the lock released on both" : "")));
    }

    /** Claim 10 is the JVM's: on CPython the same CPU-bound threads take turns, unless the build is free-threaded. */
    private Finding threadsOnCpuWork(JsonNode e) {
        double speedup = e.get("speedup").number();
        Verdict v = Verdict.of(speedup >= 0.7 * n);
        return new Finding(f("threads(%d) %.2fx the speed of serial on CPU-bound Python", n, speedup), v,
                v == jvm.get(10).verdict() ? "agree: threads run CPU-bound work in parallel on both"
                        : "differ: this is where the runtimes part; CPython's threads take turns under its lock, "
                        + "JVM threads have no such lock");
    }

    /** "agree: ..." when this verdict is the JVM's, "differ: ..." otherwise, then the detail. */
    private String agreement(int claim, Verdict v, String detail) {
        Claim j = jvm.get(claim);
        boolean same = j != null && j.verdict() == v;
        return (same ? "agree: " : "differ: the JVM's verdict is '" + (j == null ? "not measured" : j.verdict()) + "'; ")
                + detail;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String time(double seconds) {
        return ReportFiles.time(seconds);
    }

    private static String count(long c) {
        return c >= 1_000_000 ? f("%.1f million", c / 1e6) : f("%,d", c);
    }

    private static String mib(double bytes) {
        return f("%.1f MiB", bytes / (1 << 20));
    }

    private static String kib(double bytes) {
        return f("%.0f KiB", bytes / 1024);
    }
}
