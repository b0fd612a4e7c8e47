package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseVector;
import dev.corebound.internal.kernel.Kernels;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;

/**
 * A JVM holding a pool whose workers computed on its shared memory, for the
 * cleanup tests: it prints the pool's directory once the spare is ready too,
 * then ends as the next line on stdin says: "exit" (without closing the
 * pool), "crash" (a segfault in native code), or nothing, to be killed.
 */
public final class PoolHolder {

    private PoolHolder() {
    }

    public static void main(String[] args) throws Exception {
        ProcessPool pool = Parallelism.processes(1);
        DenseVector x = DenseVector.allocate(pool.arena(), 1000).fill(1);
        if (Corebound.blas(Backend.JAVA_SCALAR, pool).sum(x) != 1000) {
            throw new IllegalStateException("the worker did not compute");
        }
        if (!ProcessFixtures.engine(pool).awaitSpare(ProcessFixtures.PATIENCE)) {
            throw new IllegalStateException("no spare");
        }
        System.out.println(pool.directory());
        System.out.flush();
        String how = new BufferedReader(new InputStreamReader(System.in)).readLine();
        if ("exit".equals(how)) {
            System.exit(0);
        } else if ("crash".equals(how)) {
            Kernels.crashInNativeCode();
        }
        Thread.sleep(Duration.ofMinutes(10));
    }
}
