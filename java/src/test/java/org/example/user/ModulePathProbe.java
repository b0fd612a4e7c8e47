package org.example.user;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseVector;

import java.lang.foreign.Arena;

/**
 * User code on the class path with corebound on the module path, run by
 * LibraryJarIT in a JVM of its own: the API works, the internals cannot be
 * reached at all. Prints one line per finding.
 */
public final class ModulePathProbe {

    private ModulePathProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("module: " + Corebound.class.getModule().getName());
        try (Arena arena = Arena.ofConfined()) {
            DenseVector x = DenseVector.allocate(arena, 1000).fill(2);
            System.out.println("dot: " + Corebound.blas(Backend.NATIVE).dot(x, x));
        }
        for (String door : new String[]{"dev.corebound.internal.kernel.Kernels", "dev.corebound.internal.parallel.ParallelAccess"}) {
            Class<?> c = Class.forName(door);
            try {
                c.getMethod(c.getSimpleName().equals("Kernels") ? "of" : "workers", c.getSimpleName().equals("Kernels")
                        ? Backend.class : dev.corebound.parallel.Parallelism.class).invoke(null, (Object) null);
                System.out.println("reached: " + door);
            } catch (IllegalAccessException e) {
                System.out.println("refused: " + door);
            }
        }
    }
}
