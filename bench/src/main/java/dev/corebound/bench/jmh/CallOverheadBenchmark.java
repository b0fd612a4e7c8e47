package dev.corebound.bench.jmh;

import dev.corebound.Backend;
import dev.corebound.DenseVector;
import dev.corebound.internal.kernel.DoubleBlas;
import dev.corebound.internal.kernel.Kernels;
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
 * straight to each kernel through corebound's internal route
 * ({@link Kernels}), so with no argument checks, through every way of calling
 * native code corebound has, beside plain Java. This is the one benchmark
 * that calls kernels unchecked, to measure the calls themselves.
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
    private DoubleBlas reference;
    private DoubleBlas nativeOrdinary;
    private DoubleBlas nativeKernel;
    private DoubleBlas openblas;
    private DoubleBlas jni;

    @Setup
    public void start() {
        arena = Arena.ofShared();
        x = DenseVector.allocate(arena, n).fillRandom(1).segment();
        y = DenseVector.allocate(arena, n).fillRandom(2).segment();
        ax = x.toArray(ValueLayout.JAVA_DOUBLE);
        ay = y.toArray(ValueLayout.JAVA_DOUBLE);
        heapX = MemorySegment.ofArray(ax);
        heapY = MemorySegment.ofArray(ay);
        reference = Kernels.of(Backend.JAVA_SCALAR).blas();
        nativeOrdinary = Kernels.nativeWithOrdinaryDowncalls();
        nativeKernel = Kernels.of(Backend.NATIVE).blas();
        openblas = Kernels.of(Backend.OPENBLAS).blas();
        jni = Kernels.of(Backend.OPENBLAS_JNI).blas();
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
        return reference.ddot(n, x, y);
    }

    /** corebound's C through an ordinary FFM downcall (thread-state transition included). */
    @Benchmark
    public double ffm() {
        return nativeOrdinary.ddot(n, x, y);
    }

    /** corebound's C through a critical downcall, as the NATIVE backend makes short calls. */
    @Benchmark
    public double ffmCritical() {
        return nativeKernel.ddot(n, x, y);
    }

    /** A critical downcall that reads a Java heap array in place. */
    @Benchmark
    public double ffmCriticalHeap() {
        return nativeKernel.ddot(n, heapX, heapY);
    }

    /** OpenBLAS's cblas_ddot through FFM (critical). */
    @Benchmark
    public double openblasFfm() {
        return openblas.ddot(n, x, y);
    }

    /** OpenBLAS's cblas_ddot through JavaCPP's JNI. */
    @Benchmark
    public double openblasJni() {
        return jni.ddot(n, x, y);
    }
}
