package dev.corebound.internal.parallel;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Staging for workers that are threads of this JVM: they read the caller's
 * memory in place, which must not be confined to the caller's thread; scratch
 * comes from the workers' pool and goes back to it on close.
 */
final class SameProcessStaging implements Staging {

    /** A thread that is not the caller: memory it may access is memory every worker thread may access. */
    private static final Thread OTHER_THREAD = Thread.ofPlatform().unstarted(() -> { });

    private final String parallelism;
    private final ScratchPool scratch;
    private final List<MemorySegment> leases = new ArrayList<>();

    SameProcessStaging(String parallelism, ScratchPool scratch) {
        this.parallelism = parallelism;
        this.scratch = scratch;
    }

    @Override
    public MemorySegment in(MemorySegment segment, String name) {
        if (!segment.isAccessibleBy(OTHER_THREAD)) {
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
    public MemorySegment scratch(long byteSize) {
        MemorySegment leased = scratch.lease(byteSize);
        leases.add(leased);
        return leased.asSlice(0, byteSize);
    }

    @Override
    public void close() {
        leases.forEach(scratch::release);
    }
}
