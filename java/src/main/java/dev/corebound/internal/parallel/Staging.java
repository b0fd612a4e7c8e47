package dev.corebound.internal.parallel;

import java.lang.foreign.MemorySegment;

/**
 * Makes an operation's operands reachable by a parallelism's workers for the
 * length of one call. In-process workers read the caller's memory directly
 * ({@link SameProcessStaging} only checks that they may); worker processes need it in shared memory,
 * so {@link dev.corebound.internal.process.ProcessWorkers} copies other memory in, and outputs back on close,
 * and counts what it copied.
 */
public interface Staging extends AutoCloseable {

    /** An input the workers only read. */
    MemorySegment in(MemorySegment segment, String name);

    /** An operand the workers read and write; its new contents are visible to the caller after close. */
    MemorySegment inOut(MemorySegment segment, String name);

    /**
     * Scratch memory of at least {@code byteSize} bytes, 64-byte aligned, that
     * every worker reads and writes in place for the length of the call (the
     * packed B of a two-phase gemm); its first contents are undefined.
     */
    MemorySegment scratch(long byteSize);

    @Override
    void close();
}
