package dev.corebound.internal.parallel;

import dev.corebound.internal.kernel.BackendKernels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

/**
 * A model of CPython's global interpreter lock (GIL): n threads that must
 * hold one lock to run Java arithmetic.
 *
 * <p>As in CPython since 3.2, the holder keeps the lock until the switch
 * interval (default 5 ms, {@code sys.getswitchinterval()}) has passed and
 * another thread is waiting; it then hands the lock over at its next switch
 * point. Java kernels run in chunks with a switch point between chunks, the
 * way the interpreter checks for a drop request between bytecodes. Native
 * kernels and blocking I/O run with the lock released, as C extensions such as
 * NumPy's BLAS and CPython's socket calls release it. The lock is fair, so a
 * released lock goes to the thread that waited longest.
 *
 * <p>This is a model, not CPython: it shows what the lock costs CPU-bound
 * threads (they take turns), and what it does not cost I/O-bound threads or
 * native calls.
 */
public final class GilWorkers extends Workers {

    private final int threads;
    private final long intervalNanos;
    private final ExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AtomicInteger holders = new AtomicInteger();
    private final AtomicInteger maxHolders = new AtomicInteger();
    private final AtomicInteger switches = new AtomicInteger();
    /** When the current holder took the lock; only the holder reads or writes it. */
    private long acquiredAt;

    public GilWorkers(int threads, Duration switchInterval) {
        this.threads = threads;
        this.intervalNanos = switchInterval.toNanos();
        this.executor = Executors.newFixedThreadPool(threads, ThreadWorkers.daemonThreads("corebound-gil-"));
    }

    @Override
    public String name() {
        return "gil(" + threads + ")";
    }

    @Override
    public int count() {
        return threads;
    }

    /** The most threads that ever held the lock at once: 1, unless the model is broken. */
    public int maxConcurrentHolders() {
        return maxHolders.get();
    }

    /** How many times a holder handed the lock to a waiting thread. */
    public int switches() {
        return switches.get();
    }

    @Override
    protected double[] runOpen(BackendKernels kernels, List<? extends Task> tasks) {
        List<Future<Double>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(executor.submit(() -> {
                acquire();
                try {
                    return task.run(kernels, context);
                } finally {
                    release();
                }
            }));
        }
        return Futures.collect(futures);
    }

    private void acquire() {
        lock.lock();
        acquiredAt = System.nanoTime();
        maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
    }

    private void release() {
        holders.decrementAndGet();
        lock.unlock();
    }

    private final GilContext context = new GilContext() {
        @Override
        public boolean chunked() {
            return true;
        }

        @Override
        public void switchPoint() {
            if (System.nanoTime() - acquiredAt >= intervalNanos && lock.hasQueuedThreads()) {
                switches.incrementAndGet();
                release();
                acquire();
            }
        }

        @Override
        public double released(DoubleSupplier call) {
            release();
            try {
                return call.getAsDouble();
            } finally {
                acquire();
            }
        }
    };

    @Override
    protected void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
