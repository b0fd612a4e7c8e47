package dev.corebound.internal.parallel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedTasksTest {

    private final ExecutorService helpers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        helpers.shutdownNow();
    }

    @Test
    void resultsComeInTaskOrder() {
        double[] results = SharedTasks.run(100, 3, helpers, i -> {
            Thread.sleep(i % 3);
            return i * 1.5;
        });
        for (int i = 0; i < 100; i++) {
            assertEquals(i * 1.5, results[i]);
        }
    }

    @Test
    void withoutHelpersTheCallerRunsEveryTask() {
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        SharedTasks.run(10, 0, helpers, i -> {
            ran.add(Thread.currentThread());
            return i;
        });
        assertEquals(Set.of(Thread.currentThread()), ran);
    }

    @Test
    void theCallerAndAHelperRunAtTheSameTime() {
        // Each task waits for the other: this finishes only if two threads run them at once.
        CyclicBarrier both = new CyclicBarrier(2);
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        double[] results = SharedTasks.run(2, 1, helpers, i -> {
            ran.add(Thread.currentThread());
            both.await(10, TimeUnit.SECONDS);
            return i;
        });
        assertArrayEquals(new double[] {0, 1}, results);
        assertTrue(ran.contains(Thread.currentThread()), "the caller ran one of the tasks");
        assertEquals(2, ran.size());
    }

    @Test
    void theFirstFailureInTaskOrderIsThrownOnceEveryTaskHasRun() {
        AtomicInteger finished = new AtomicInteger();
        IllegalArgumentException first = new IllegalArgumentException("task 3");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> SharedTasks.run(20, 3, helpers, i -> {
            finished.incrementAndGet();
            if (i == 3) {
                throw first;
            }
            if (i == 7) {
                throw new IllegalStateException("task 7");
            }
            Thread.sleep(2);
            return i;
        }));
        assertSame(first, thrown);
        assertEquals(20, finished.get());
    }

    @Test
    void anInterruptedCallerStillWaitsForEveryTaskAndKeepsItsInterrupt() {
        AtomicInteger finished = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            SharedTasks.run(4, 3, helpers, i -> {
                if (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(50);
                }
                finished.incrementAndGet();
                return i;
            });
            assertEquals(4, finished.get());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void closedHelpersLeaveTheWorkToTheCaller() {
        helpers.shutdownNow();
        double[] results = SharedTasks.run(5, 3, helpers, i -> i + 1);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, results);
    }
}
