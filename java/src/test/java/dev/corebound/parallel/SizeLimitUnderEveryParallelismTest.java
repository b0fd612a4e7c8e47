package dev.corebound.parallel;

import dev.corebound.Backend;
import dev.corebound.Corebound;
import dev.corebound.DenseMatrix;
import dev.corebound.Transpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenBLAS takes 32-bit sizes. A gemm whose inner dimension k is 2^31 is
 * refused with the limit named, before any kernel, under every parallelism:
 * slicing cuts the rows of C, never k, so a sliced wrapper must keep the
 * backend's limit. The operands are a sparse file mapped read-only: 16 GiB
 * of address space, no memory, and nothing is ever read.
 */
class SizeLimitUnderEveryParallelismTest {

    private static final long K = 1L << 31;

    @Test
    void anInnerDimensionAbove32BitsIsRefusedBeforeAnyKernel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sparse");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(K * Double.BYTES);
        }
        try (Arena arena = Arena.ofShared(); FileChannel channel = FileChannel.open(file)) {
            MemorySegment sparse = channel.map(FileChannel.MapMode.READ_ONLY, 0, K * Double.BYTES, arena);
            DenseMatrix a = DenseMatrix.wrap(sparse, 1, K, K);        // 1 x k
            DenseMatrix b = DenseMatrix.wrap(sparse, K, 1, 1);        // k x 1
            DenseMatrix c = DenseMatrix.wrap(new double[1], 1, 1);
            List<Supplier<Parallelism>> all = List.of(Parallelism::serial, () -> Parallelism.threads(2),
                    () -> Parallelism.gil(2), () -> Parallelism.processes(2), () -> Parallelism.nativeThreads(2));
            for (Backend backend : List.of(Backend.OPENBLAS, Backend.OPENBLAS_JNI)) {
                for (Supplier<Parallelism> make : all) {
                    try (Parallelism p = make.get()) {
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                () -> Corebound.blas(backend, p).gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, 1, a, b, 0, c),
                                backend + " on " + p);
                        assertTrue(e.getMessage().contains(backend + " takes sizes and leading dimensions up to 2147483647"),
                                backend + " on " + p + ": " + e.getMessage());
                    }
                }
            }
        }
    }
}
