package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.Blas;
import dev.corebound.Corebound;
import dev.corebound.internal.parallel.ParallelAccess;
import dev.corebound.internal.parallel.Workers;

import java.lang.foreign.Arena;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How work is split across workers: the second axis beside the backend (the
 * kernel). Any backend runs under any parallelism:
 * {@code Corebound.blas(Backend.NATIVE, Parallelism.threads(4))}.
 *
 * <p>Every parallelism but {@link #serial()} and {@link #nativeThreads(int)}
 * runs the same mechanism: an operation is cut into slices over views of the
 * same memory, each slice runs the backend's kernel on some worker, and
 * partial results combine in slice order. Slice sizes depend on the problem's
 * shape only, so the result does not depend on the number of workers.
 *
 * <p>A parallelism owns its workers and its {@link #arena()}; close it when done.
 */
public abstract sealed class Parallelism implements AutoCloseable
        permits Serial, ThreadPool, GilThreads, ProcessPool, NativeThreads {

    static {
        ParallelAccess.register(p -> p.workers);
    }

    private static final Pattern NAME = Pattern.compile("(threads|gil|processes|nativeThreads)\\((\\d+)\\)");

    private final Workers workers;

    Parallelism(Workers workers) {
        this.workers = workers;
    }

    /** One worker, the caller's thread; each operation is one call of the kernel. */
    public static Parallelism serial() {
        return new Serial();
    }

    /** {@code n} platform threads in this JVM, sharing memory: the caller and n - 1 pool threads. */
    public static ThreadPool threads(int n) {
        return new ThreadPool(n, false);
    }

    /** One platform thread per core. */
    public static ThreadPool threads() {
        return threads(Runtime.getRuntime().availableProcessors());
    }

    /** A new virtual thread for every slice; the JVM runs them on one carrier thread per core. */
    public static ThreadPool virtualThreads() {
        return new ThreadPool(Runtime.getRuntime().availableProcessors(), true);
    }

    /**
     * {@code n} threads that must hold one global lock to run Java arithmetic,
     * handed over every 5 ms (CPython's default switch interval): a model of
     * CPython's global interpreter lock.
     */
    public static GilThreads gil(int n) {
        return gil(n, GilThreads.DEFAULT_SWITCH_INTERVAL);
    }

    /** {@code n} threads under an emulated GIL with the given switch interval. */
    public static GilThreads gil(int n, Duration switchInterval) {
        return new GilThreads(n, switchInterval);
    }

    /**
     * {@code n} warm worker JVMs computing in place on shared memory.
     *
     * @throws IllegalArgumentException when {@code n} is beyond {@link ProcessPool#maxWorkers()}; nothing starts then
     * @throws WorkerFailedException when a worker does not start; nothing is left running then
     */
    public static ProcessPool processes(int n) {
        return new ProcessPool(n, ProcessPool.DEFAULT_CALL_TIMEOUT);
    }

    /**
     * {@code n} worker JVMs, each call failing when a worker takes longer than {@code callTimeout}.
     *
     * @throws IllegalArgumentException when {@code n} is beyond {@link ProcessPool#maxWorkers()}; nothing starts then
     * @throws WorkerFailedException when a worker does not start; nothing is left running then
     */
    public static ProcessPool processes(int n, Duration callTimeout) {
        return new ProcessPool(n, callTimeout);
    }

    /** The backend's own threads (OpenMP's or OpenBLAS's), {@code n} of them inside every call. */
    public static NativeThreads nativeThreads(int n) {
        return new NativeThreads(n);
    }

    /**
     * The parallelism a name describes, in the form {@link #name()} prints:
     * {@code serial}, {@code threads(4)}, {@code virtualThreads}, {@code gil(2)},
     * {@code processes(2)} or {@code nativeThreads(4)}.
     *
     * @throws IllegalArgumentException for anything else, naming what is allowed
     */
    public static Parallelism parse(String name) {
        String s = name.trim();
        if (s.equals("serial")) {
            return serial();
        }
        if (s.equals("virtualThreads")) {
            return virtualThreads();
        }
        Matcher m = NAME.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown parallelism '" + name + "': use serial, threads(n), "
                    + "virtualThreads, gil(n), processes(n) or nativeThreads(n)");
        }
        int n = workerCount(name, m.group(2));
        return switch (m.group(1)) {
            case "threads" -> threads(n);
            case "gil" -> gil(n);
            case "processes" -> processes(n);
            default -> nativeThreads(n);
        };
    }

    /** The digits of a name's worker count as an int, or an error that says the allowed range. */
    private static int workerCount(String name, String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() > 10 || Long.parseLong(significant) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parallelism '" + name + "': the worker count must be from 1 to "
                    + Integer.MAX_VALUE + " (and processes(n) has a lower limit, see ProcessPool.maxWorkers())");
        }
        return Integer.parseInt(significant);
    }

    static int requirePositive(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " needs at least 1 worker, but was given " + n);
        }
        return n;
    }

    /** For example "threads(4)". */
    public final String name() {
        return workers.name();
    }

    /** How many workers run at once. */
    public final int workers() {
        return workers.count();
    }

    /** Operations on {@code backend} under this parallelism; same as {@code Corebound.blas(backend, this)}. */
    public final Blas blas(Backend backend) {
        return Corebound.blas(backend, this);
    }

    /**
     * Memory that every worker reads and writes in place, without a copy:
     * shared memory for processes, a shared arena otherwise. Closed with this parallelism.
     *
     * @throws IllegalStateException when this parallelism is closed
     */
    public final Arena arena() {
        return workers.arena();
    }

    /** Stops the workers and frees the arena; the parallelism cannot be used after. */
    @Override
    public final void close() {
        workers.close();
    }

    @Override
    public String toString() {
        return name();
    }
}
