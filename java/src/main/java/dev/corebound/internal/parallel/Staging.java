package dev.corebound.internal.parallel;

import java.lang.foreign.MemorySegment;

/**
 * Makes an operation's operands reachable by a parallelism's workers for the
 * length of one call. In-process workers read the caller's memory directly
 * (this only checks that they may); worker processes need it in shared memory,
 * so {@link dev.corebound.internal.process.ProcessWorkers} copies other memory in, and outputs back on close,
 * and counts what it copied.
 */
public interface Staging extends AutoCloseable {

    /** An input the workers only read. */
    MemorySegment in(MemorySegment segment, String name);

    /** An operand the workers read and write; its new contents are visible to the caller after close. */
    MemorySegment inOut(MemorySegment segment, String name);

    @Override
    void close();

    /** Staging for workers that are threads of this JVM: memory must not be confined to the caller's thread. */
    static Staging sameProcess(String parallelism) {
        return new Staging() {
            @Override
            public MemorySegment in(MemorySegment segment, String name) {
                if (!segment.isAccessibleBy(OtherThread.PROBE)) {
                    throw new IllegalArgumentException(parallelism + ": " + name + " is in a confined Arena, which "
                            + "worker threads cannot read; allocate it from Arena.ofShared(), Arena.ofAuto() or the "
                            + "parallelism's arena()");
                }
                return segment;
            }

            @Override
            public MemorySegment inOut(MemorySegment segment, String name) {
                return in(segment, name);
            }

            @Override
            public void close() {
            }
        };
    }

    /** A thread that is not the caller: memory it may access is memory every worker thread may access. */
    final class OtherThread {
        static final Thread PROBE = Thread.ofPlatform().unstarted(() -> { });

        private OtherThread() {
        }
    }
}
