package dev.corebound.internal.process;

import dev.corebound.Backend;
import dev.corebound.Transpose;
import dev.corebound.internal.parallel.Task;
import dev.corebound.internal.process.SharedMemory.Location;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The binary protocol between {@link ProcessWorkers} and its workers, over
 * each worker's stdin (requests) and stdout (replies).
 *
 * <pre>
 * hello    worker -> parent: int MAGIC, long pid                  (once, when ready)
 * request  parent -> worker: byte backend, byte task, task fields  (segments as chunk, offset, bytes)
 * reply    worker -> parent: byte OK, double result
 *                          | byte FAILED, text exception class, text message
 * text:    int length, then that many bytes of UTF-8 (any length: DataOutput's
 *          writeUTF stops at 64 KiB, and a worker must not die of a long message)
 * </pre>
 *
 * A worker reads segments as views of the chunks it has mapped, so a request
 * names no memory outside them: {@code asSlice} rejects any range that does not
 * fit, and each task's constructor checks that its sizes fit its segments.
 */
final class Protocol {

    private static final int MAGIC = 0xC0BE_B0DD;
    private static final byte OK = 0;
    private static final byte FAILED = 1;
    /**
     * Bytes per write or read of a large payload: what a pipe holds. The JDK
     * copies each write or read through a native buffer as large as the request,
     * so one call for many megabytes is ten times slower than pipe-sized calls.
     */
    private static final int PIPE_CHUNK = 1 << 16;

    private Protocol() {
    }

    /** A task's failure in a worker, as its reply tells it. */
    record Failure(String type, String message) {
    }

    /** A reply: a result, or a failure (the worker stays up either way). */
    record Reply(double result, Failure failure) {
    }

    /** Maps a chunk id to the worker's mapping of it. */
    interface Chunks {
        MemorySegment chunk(int id) throws IOException;
    }

    static void writeRequest(DataOutput out, Backend backend, Task task, SharedMemory memory) throws IOException {
        out.writeByte(backend.ordinal());
        switch (task) {
            case Task.Dot t -> {
                out.writeByte(0);
                out.writeLong(t.n());
                segment(out, memory, t.x());
                segment(out, memory, t.y());
            }
            case Task.Axpy t -> {
                out.writeByte(1);
                out.writeLong(t.n());
                out.writeDouble(t.alpha());
                segment(out, memory, t.x());
                segment(out, memory, t.y());
            }
            case Task.Scal t -> {
                out.writeByte(2);
                out.writeLong(t.n());
                out.writeDouble(t.alpha());
                segment(out, memory, t.x());
            }
            case Task.Asum t -> vectorReduction(out, memory, 3, t.n(), t.x());
            case Task.Nrm2 t -> vectorReduction(out, memory, 4, t.n(), t.x());
            case Task.Iamax t -> vectorReduction(out, memory, 5, t.n(), t.x());
            case Task.Sum t -> vectorReduction(out, memory, 6, t.n(), t.x());
            case Task.Gemv t -> {
                out.writeByte(7);
                out.writeByte(t.trans().ordinal());
                out.writeLong(t.m());
                out.writeLong(t.n());
                out.writeDouble(t.alpha());
                segment(out, memory, t.a());
                out.writeLong(t.lda());
                segment(out, memory, t.x());
                segment(out, memory, t.y());
            }
            case Task.Gemm t -> {
                out.writeByte(8);
                out.writeByte(t.transA().ordinal());
                out.writeByte(t.transB().ordinal());
                out.writeLong(t.m());
                out.writeLong(t.n());
                out.writeLong(t.k());
                out.writeDouble(t.alpha());
                segment(out, memory, t.a());
                out.writeLong(t.lda());
                segment(out, memory, t.b());
                out.writeLong(t.ldb());
                segment(out, memory, t.c());
                out.writeLong(t.ldc());
            }
            case Task.MonteCarloPi t -> {
                out.writeByte(9);
                out.writeLong(t.seed());
                out.writeLong(t.first());
                out.writeLong(t.count());
            }
            case Task.Mandelbrot t -> {
                out.writeByte(10);
                out.writeLong(t.width());
                out.writeLong(t.height());
                out.writeLong(t.rowBegin());
                out.writeLong(t.rowEnd());
                out.writeInt(t.maxIter());
                out.writeDouble(t.xMin());
                out.writeDouble(t.xMax());
                out.writeDouble(t.yMin());
                out.writeDouble(t.yMax());
            }
            case Task.Requests t -> {
                out.writeByte(11);
                out.writeInt(t.port());
                out.writeInt(t.count());
            }
            case Task.Checksum t -> {
                out.writeByte(12);
                out.writeInt(t.data().length);
                writeBytes(out, t.data());
            }
            case Task.Ping t -> out.writeByte(13);
            case Task.Spin t -> {
                out.writeByte(14);
                out.writeLong(t.millis());
            }
            case Task.Crash t -> out.writeByte(15);
            case Task.PackB t -> {
                out.writeByte(16);
                out.writeByte(t.transB().ordinal());
                out.writeLong(t.k());
                out.writeLong(t.n());
                out.writeDouble(t.alpha());
                segment(out, memory, t.b());
                out.writeLong(t.ldb());
                out.writeLong(t.j0());
                out.writeLong(t.j1());
                segment(out, memory, t.packed());
                out.writeUTF(t.layout());
            }
            case Task.GemmPacked t -> {
                out.writeByte(17);
                out.writeByte(t.transA().ordinal());
                out.writeLong(t.m());
                out.writeLong(t.k());
                segment(out, memory, t.a());
                out.writeLong(t.lda());
                segment(out, memory, t.packed());
                out.writeLong(t.n());
                out.writeLong(t.j0());
                out.writeLong(t.j1());
                segment(out, memory, t.c());
                out.writeLong(t.ldc());
                out.writeUTF(t.layout());
            }
        }
    }

    private static void vectorReduction(DataOutput out, SharedMemory memory, int kind, long n, MemorySegment x)
            throws IOException {
        out.writeByte(kind);
        out.writeLong(n);
        segment(out, memory, x);
    }

    private static void segment(DataOutput out, SharedMemory memory, MemorySegment segment) throws IOException {
        Location at = memory.locate(segment).orElseThrow(() -> new IllegalStateException(
                "a task names memory outside the pool's shared memory; staging should have copied it in"));
        out.writeInt(at.chunk());
        out.writeLong(at.offset());
        out.writeLong(segment.byteSize());
    }

    static void writeHello(DataOutput out, long pid) throws IOException {
        out.writeInt(MAGIC);
        out.writeLong(pid);
    }

    /** True when the next bytes are the hello of process {@code pid}. */
    static boolean readHello(DataInput in, long pid) throws IOException {
        return in.readInt() == MAGIC && in.readLong() == pid;
    }

    static void writeResult(DataOutput out, double result) throws IOException {
        out.writeByte(OK);
        out.writeDouble(result);
    }

    static void writeFailure(DataOutput out, Throwable failure) throws IOException {
        out.writeByte(FAILED);
        writeText(out, failure.getClass().getName());
        writeText(out, String.valueOf(failure.getMessage()));
    }

    /** Reads a reply: the task's result, or how it failed. */
    static Reply readReply(DataInput in) throws IOException {
        byte status = in.readByte();
        return switch (status) {
            case OK -> new Reply(in.readDouble(), null);
            case FAILED -> new Reply(Double.NaN, new Failure(readText(in), readText(in)));
            default -> throw new IOException("unknown reply status " + status);
        };
    }

    private static void writeText(DataOutput out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        writeBytes(out, bytes);
    }

    private static String readText(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative text length " + length);
        }
        return new String(readBytes(in, length), StandardCharsets.UTF_8);
    }

    /** Reads the backend of the next request, or null at the end of the stream (the parent is gone). */
    static Backend readBackend(DataInput in) throws IOException {
        try {
            return Backend.values()[in.readUnsignedByte()];
        } catch (java.io.EOFException e) {
            return null;
        }
    }

    static Task readTask(DataInput in, Chunks chunks) throws IOException {
        int kind = in.readByte();
        return switch (kind) {
            case 0 -> new Task.Dot(in.readLong(), segment(in, chunks), segment(in, chunks));
            case 1 -> new Task.Axpy(in.readLong(), in.readDouble(), segment(in, chunks), segment(in, chunks));
            case 2 -> new Task.Scal(in.readLong(), in.readDouble(), segment(in, chunks));
            case 3 -> new Task.Asum(in.readLong(), segment(in, chunks));
            case 4 -> new Task.Nrm2(in.readLong(), segment(in, chunks));
            case 5 -> new Task.Iamax(in.readLong(), segment(in, chunks));
            case 6 -> new Task.Sum(in.readLong(), segment(in, chunks));
            case 7 -> new Task.Gemv(Transpose.values()[in.readByte()], in.readLong(), in.readLong(), in.readDouble(),
                    segment(in, chunks), in.readLong(), segment(in, chunks), segment(in, chunks));
            case 8 -> new Task.Gemm(Transpose.values()[in.readByte()], Transpose.values()[in.readByte()],
                    in.readLong(), in.readLong(), in.readLong(), in.readDouble(), segment(in, chunks), in.readLong(),
                    segment(in, chunks), in.readLong(), segment(in, chunks), in.readLong());
            case 9 -> new Task.MonteCarloPi(in.readLong(), in.readLong(), in.readLong());
            case 10 -> new Task.Mandelbrot(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
            case 11 -> new Task.Requests(in.readInt(), in.readInt());
            case 12 -> new Task.Checksum(readBytes(in, in.readInt()));
            case 13 -> new Task.Ping();
            case 14 -> new Task.Spin(in.readLong());
            case 15 -> new Task.Crash();
            case 16 -> new Task.PackB(Transpose.values()[in.readByte()], in.readLong(), in.readLong(), in.readDouble(),
                    segment(in, chunks), in.readLong(), in.readLong(), in.readLong(), segment(in, chunks), in.readUTF());
            case 17 -> new Task.GemmPacked(Transpose.values()[in.readByte()], in.readLong(), in.readLong(),
                    segment(in, chunks), in.readLong(), segment(in, chunks), in.readLong(), in.readLong(), in.readLong(),
                    segment(in, chunks), in.readLong(), in.readUTF());
            default -> throw new IOException("unknown task kind " + kind);
        };
    }

    /** Writes bytes in pipe-sized pieces (see {@link #PIPE_CHUNK}). */
    private static void writeBytes(DataOutput out, byte[] data) throws IOException {
        for (int at = 0; at < data.length; at += PIPE_CHUNK) {
            out.write(data, at, Math.min(PIPE_CHUNK, data.length - at));
        }
    }

    /** Reads {@code length} bytes in pipe-sized pieces. */
    private static byte[] readBytes(DataInput in, int length) throws IOException {
        byte[] data = new byte[length];
        for (int at = 0; at < length; at += PIPE_CHUNK) {
            in.readFully(data, at, Math.min(PIPE_CHUNK, length - at));
        }
        return data;
    }

    private static MemorySegment segment(DataInput in, Chunks chunks) throws IOException {
        int chunk = in.readInt();
        long offset = in.readLong();
        long bytes = in.readLong();
        return chunks.chunk(chunk).asSlice(offset, bytes);
    }
}
