package dev.corebound.internal.kernel;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * When a downcall of the FFM backends is {@link Linker.Option#critical(boolean)
 * critical}. A critical call skips the thread-state transition (which matters
 * when the work is a few nanoseconds) and may read heap arrays in place; it is
 * safe for these C functions because they never call back into Java and never
 * block. The price is that garbage collection waits for the call, so long
 * calls on off-heap memory take the ordinary path.
 *
 * @param elements level-1 calls up to this many elements take the critical path
 * @param fmas     gemv and gemm calls up to this many multiply-adds take it
 */
record Downcalls(long elements, long fmas) {

    /** Short calls critical, long ones ordinary: what the backends use. */
    static final Downcalls CRITICAL_WHEN_SHORT = new Downcalls(1 << 14, 1 << 16);
    /** Every call on off-heap memory ordinary: the call-overhead benchmark's plain FFM path. */
    static final Downcalls ORDINARY = new Downcalls(0, 0);

    /** A critical handle (heap access allowed) to the same function as an ordinary binding. */
    static MethodHandle critical(MemorySegment address, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(address, descriptor, Linker.Option.critical(true));
    }

    /** True when a level-1 call of n elements on these segments takes the critical path. */
    boolean level1(long n, MemorySegment... segments) {
        return n <= elements || onHeap(segments);
    }

    /** True when a gemv or gemm call of this many multiply-adds takes the critical path. */
    boolean product(long multiplyAdds, MemorySegment... segments) {
        return multiplyAdds <= fmas || onHeap(segments);
    }

    /** Heap arrays can only be passed to a critical call. */
    private static boolean onHeap(MemorySegment... segments) {
        for (MemorySegment s : segments) {
            if (!s.isNative()) {
                return true;
            }
        }
        return false;
    }

    static AssertionError unexpected(Throwable t) {
        return new AssertionError("native call failed unexpectedly", t);
    }
}
