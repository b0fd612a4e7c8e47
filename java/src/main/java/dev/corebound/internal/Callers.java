package dev.corebound.internal;

import java.util.Set;

/**
 * The caller check at the doors to corebound's internals. On the module path
 * the internal packages are not exported, so user code cannot reach them at
 * all; on the class path every public class is reachable, so the few entry
 * points that hand out unchecked kernels or native symbols also check that
 * the code calling them belongs to corebound (its library, benchmarks or
 * Spark module), as Lucene's vectorization provider does.
 */
public final class Callers {

    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE), 4);
    private static final String PACKAGE = "dev.corebound";

    private Callers() {
    }

    /**
     * Throws unless the caller of the method that calls this one is corebound's
     * own code. {@code door} names that method in the message.
     *
     * @throws UnsupportedOperationException for any other caller
     */
    public static void requireCorebound(String door) {
        Class<?> caller = WALKER.walk(frames -> frames.skip(2).findFirst())
                .map(StackWalker.StackFrame::getDeclaringClass)
                .orElseThrow();
        if (!isCorebound(caller)) {
            throw new UnsupportedOperationException(door + " is internal to corebound and runs kernels without "
                    + "checking their arguments; use Corebound.blas(...) (called from " + caller.getName() + ")");
        }
    }

    static boolean isCorebound(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.equals(PACKAGE) || pkg.startsWith(PACKAGE + ".");
    }
}
