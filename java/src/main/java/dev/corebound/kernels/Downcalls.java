package dev.corebound.kernels;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * When a downcall may be {@link Linker.Option#critical(boolean) critical}, for
 * the FFM backends. A critical call skips the thread-state transition (which
 * matters when the work is a few nanoseconds) and may read heap arrays in
 * place; it is safe for these C functions because they never call back into
 * Java and never block. The price is that garbage collection waits for the
 * call, so long calls on off-heap memory take the ordinary path.
 */
final class Downcalls {

    /** Level-1 calls up to this many elements take the critical path. */
    static final long SHORT_ELEMENTS = 1 << 14;
    /** gemv and gemm calls up to this many multiply-adds take the critical path. */
    static final long SHORT_FMAS = 1 << 16;

    private Downcalls() {
    }

    /** A critical handle (heap access allowed) to the same function as an ordinary binding. */
    static MethodHandle critical(MemorySegment address, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(address, descriptor, Linker.Option.critical(true));
    }

    /** True when the call is short, or reads a heap array, which only a critical call can pass. */
    static boolean useCritical(long work, long limit, MemorySegment... segments) {
        if (work <= limit) {
            return true;
        }
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
