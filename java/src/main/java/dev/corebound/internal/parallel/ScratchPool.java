package dev.corebound.internal.parallel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Scratch memory that threads of this JVM share for the length of one call
 * (the packed B of a two-phase gemm), reused from call to call: allocating
 * and zeroing tens of MiB afresh, and faulting their pages in, would cost
 * several percent of a gemm. Memory comes from the workers' arena and lives
 * as long as it; a lease is one call's alone until it is released.
 */
final class ScratchPool {

    /** Scratch is aligned for the widest vector loads. */
    private static final long ALIGNMENT = 64;

    private final Arena arena;
    private final List<MemorySegment> free = new ArrayList<>();

    ScratchPool(Arena arena) {
        this.arena = arena;
    }

    /** At least {@code byteSize} bytes, until {@link #release}; the contents are whatever the last lease left. */
    synchronized MemorySegment lease(long byteSize) {
        MemorySegment best = null;
        for (MemorySegment s : free) {
            if (s.byteSize() >= byteSize && (best == null || s.byteSize() < best.byteSize())) {
                best = s;
            }
        }
        if (best == null) {
            return arena.allocate(byteSize, ALIGNMENT);
        }
        free.remove(best);
        return best;
    }

    synchronized void release(MemorySegment leased) {
        free.add(leased);
    }
}
