package dev.corebound.bench.jmh;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseVector;
import dev.corebound.ffm.corebound_h;
import dev.corebound.kernels.Kernel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What one call costs when there is almost no work: dot of length 1 or 16,
 * straight to each kernel (no argument checks), through every way of calling
 * native code corebound has, beside plain Java.
 */
@State(Scope.Benchmark)
public class CallOverheadBenchmark {

    @Param({"1", "16"})
    public int n;

    private Arena arena;
    private MemorySegment x;
    private MemorySegment y;
    private MemorySegment heapX;
    private MemorySegment heapY;
    private double[] ax;
    private double[] ay;
    private Kernel reference;
    private Kernel nativeKernel;
    private Kernel openblas;
    private Kernel jni;

    @Setup
    public void start() {
        arena = Arena.ofShared();
        x = DenseVector.allocate(arena, n).fillRandom(1).segment();
        y = DenseVector.allocate(arena, n).fillRandom(2).segment();
        ax = x.toArray(ValueLayout.JAVA_DOUBLE);
        ay = y.toArray(ValueLayout.JAVA_DOUBLE);
        heapX = MemorySegment.ofArray(ax);
        heapY = MemorySegment.ofArray(ay);
        reference = Corebound.kernel(Backend.JAVA_SCALAR);
        nativeKernel = Corebound.kernel(Backend.NATIVE);
        openblas = Corebound.kernel(Backend.OPENBLAS);
        jni = Corebound.kernel(Backend.OPENBLAS_JNI);
    }

    @TearDown
    public void stop() {
        arena.close();
    }

    /** A plain loop over double[]: no call at all once inlined. */
    @Benchmark
    public double plainJava() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += ax[i] * ay[i];
        }
        return s;
    }

    /** The reference kernel on off-heap memory. */
    @Benchmark
    public double javaKernel() {
        return reference.dot(n, x, y);
    }

    /** corebound's C through an ordinary FFM downcall (thread-state transition included). */
    @Benchmark
    public double ffm() {
        return corebound_h.cb_ddot(n, x, y);
    }

    /** corebound's C through a critical downcall, as the NATIVE backend makes short calls. */
    @Benchmark
    public double ffmCritical() {
        return nativeKernel.dot(n, x, y);
    }

    /** A critical downcall that reads a Java heap array in place. */
    @Benchmark
    public double ffmCriticalHeap() {
        return nativeKernel.dot(n, heapX, heapY);
    }

    /** OpenBLAS's cblas_ddot through FFM (critical). */
    @Benchmark
    public double openblasFfm() {
        return openblas.dot(n, x, y);
    }

    /** OpenBLAS's cblas_ddot through JavaCPP's JNI. */
    @Benchmark
    public double openblasJni() {
        return jni.dot(n, x, y);
    }
}
