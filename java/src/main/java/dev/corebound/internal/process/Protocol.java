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

    /**
     * The task codes: the one table both directions read. A task travels as
     * its kind's ordinal; the writer's switch over the sealed {@link Task} and
     * the reader's switch over the kinds are both exhaustive, so a task left
     * out of either does not compile.
     */
    enum Kind {
        DOT, AXPY, SCAL, ASUM, NRM2, IAMAX, SUM, GEMV, GEMM, MONTE_CARLO_PI, MANDELBROT, REQUESTS, CHECKSUM, PING,
        SPIN, CRASH, PACK_B, GEMM_PACKED
    }

    private static final Kind[] KINDS = Kind.values();

    /** What a worker decodes requests into. */
    interface WorkerMemory {
        /** The worker's mapping of the pool's chunk {@code id}. */
        MemorySegment chunk(int id) throws IOException;

        /**
         * A buffer of at least {@code length} bytes that the worker reuses from
         * message to message: a new array per message would land in fresh heap,
         * and on a VM faulting in fresh pages costs more than the pipe.
         */
        byte[] messageBuffer(int length);
    }

    static void writeRequest(DataOutput out, Backend backend, Task task, SharedMemory memory) throws IOException {
        out.writeByte(backend.ordinal());
        switch (task) {
            case Task.Dot t -> {
                kind(out, Kind.DOT);
                out.writeLong(t.n());
                segment(out, memory, t.x());
                segment(out, memory, t.y());
            }
            case Task.Axpy t -> {
                kind(out, Kind.AXPY);
                out.writeLong(t.n());
                out.writeDouble(t.alpha());
                segment(out, memory, t.x());
                segment(out, memory, t.y());
            }
            case Task.Scal t -> {
                kind(out, Kind.SCAL);
                out.writeLong(t.n());
                out.writeDouble(t.alpha());
                segment(out, memory, t.x());
            }
            case Task.Asum t -> vectorReduction(out, memory, Kind.ASUM, t.n(), t.x());
            case Task.Nrm2 t -> vectorReduction(out, memory, Kind.NRM2, t.n(), t.x());
            case Task.Iamax t -> vectorReduction(out, memory, Kind.IAMAX, t.n(), t.x());
            case Task.Sum t -> vectorReduction(out, memory, Kind.SUM, t.n(), t.x());
            case Task.Gemv t -> {
                kind(out, Kind.GEMV);
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
                kind(out, Kind.GEMM);
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
                kind(out, Kind.MONTE_CARLO_PI);
                out.writeLong(t.seed());
                out.writeLong(t.first());
                out.writeLong(t.count());
            }
            case Task.Mandelbrot t -> {
                kind(out, Kind.MANDELBROT);
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
                kind(out, Kind.REQUESTS);
                out.writeInt(t.port());
                out.writeInt(t.count());
            }
            case Task.Checksum t -> {
                kind(out, Kind.CHECKSUM);
                out.writeInt(t.length());
                writeBytes(out, t.data(), t.length());
            }
            case Task.Ping t -> kind(out, Kind.PING);
            case Task.Spin t -> {
                kind(out, Kind.SPIN);
                out.writeLong(t.millis());
            }
            case Task.Crash t -> kind(out, Kind.CRASH);
            case Task.PackB t -> {
                kind(out, Kind.PACK_B);
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
                kind(out, Kind.GEMM_PACKED);
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

    private static void vectorReduction(DataOutput out, SharedMemory memory, Kind kind, long n, MemorySegment x)
            throws IOException {
        kind(out, kind);
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
        writeBytes(out, bytes, bytes.length);
    }

    private static String readText(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative text length " + length);
        }
        byte[] bytes = new byte[length];
        readFully(in, bytes, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Reads the backend of the next request, or null at the end of the stream (the parent is gone). */
    static Backend readBackend(DataInput in) throws IOException {
        try {
            return Backend.values()[in.readUnsignedByte()];
        } catch (java.io.EOFException e) {
            return null;
        }
    }

    static Task readTask(DataInput in, WorkerMemory memory) throws IOException {
        int code = in.readUnsignedByte();
        if (code >= KINDS.length) {
            throw new IOException("unknown task kind " + code);
        }
        return switch (KINDS[code]) {
            case DOT -> new Task.Dot(in.readLong(), segment(in, memory), segment(in, memory));
            case AXPY -> new Task.Axpy(in.readLong(), in.readDouble(), segment(in, memory), segment(in, memory));
            case SCAL -> new Task.Scal(in.readLong(), in.readDouble(), segment(in, memory));
            case ASUM -> new Task.Asum(in.readLong(), segment(in, memory));
            case NRM2 -> new Task.Nrm2(in.readLong(), segment(in, memory));
            case IAMAX -> new Task.Iamax(in.readLong(), segment(in, memory));
            case SUM -> new Task.Sum(in.readLong(), segment(in, memory));
            case GEMV -> new Task.Gemv(Transpose.values()[in.readByte()], in.readLong(), in.readLong(), in.readDouble(),
                    segment(in, memory), in.readLong(), segment(in, memory), segment(in, memory));
            case GEMM -> new Task.Gemm(Transpose.values()[in.readByte()], Transpose.values()[in.readByte()],
                    in.readLong(), in.readLong(), in.readLong(), in.readDouble(), segment(in, memory), in.readLong(),
                    segment(in, memory), in.readLong(), segment(in, memory), in.readLong());
            case MONTE_CARLO_PI -> new Task.MonteCarloPi(in.readLong(), in.readLong(), in.readLong());
            case MANDELBROT -> new Task.Mandelbrot(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readInt(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
            case REQUESTS -> new Task.Requests(in.readInt(), in.readInt());
            case CHECKSUM -> checksum(in, memory);
            case PING -> new Task.Ping();
            case SPIN -> new Task.Spin(in.readLong());
            case CRASH -> new Task.Crash();
            case PACK_B -> new Task.PackB(Transpose.values()[in.readByte()], in.readLong(), in.readLong(), in.readDouble(),
                    segment(in, memory), in.readLong(), in.readLong(), in.readLong(), segment(in, memory), in.readUTF());
            case GEMM_PACKED -> new Task.GemmPacked(Transpose.values()[in.readByte()], in.readLong(), in.readLong(),
                    segment(in, memory), in.readLong(), segment(in, memory), in.readLong(), in.readLong(), in.readLong(),
                    segment(in, memory), in.readLong(), in.readUTF());
        };
    }

    /** Writes bytes in pipe-sized pieces (see {@link #PIPE_CHUNK}). */
    private static void writeBytes(DataOutput out, byte[] data, int length) throws IOException {
        for (int at = 0; at < length; at += PIPE_CHUNK) {
            out.write(data, at, Math.min(PIPE_CHUNK, length - at));
        }
    }

    private static void kind(DataOutput out, Kind kind) throws IOException {
        out.writeByte(kind.ordinal());
    }

    /** A checksum's bytes, read into the worker's reused buffer. */
    private static Task.Checksum checksum(DataInput in, WorkerMemory memory) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative checksum length " + length);
        }
        byte[] buffer = memory.messageBuffer(length);
        readFully(in, buffer, length);
        return new Task.Checksum(buffer, length);
    }

    /** Reads {@code length} bytes into the start of {@code data} in pipe-sized pieces. */
    private static void readFully(DataInput in, byte[] data, int length) throws IOException {
        for (int at = 0; at < length; at += PIPE_CHUNK) {
            in.readFully(data, at, Math.min(PIPE_CHUNK, length - at));
        }
    }

    private static MemorySegment segment(DataInput in, WorkerMemory memory) throws IOException {
        int chunk = in.readInt();
        long offset = in.readLong();
        long bytes = in.readLong();
        return memory.chunk(chunk).asSlice(offset, bytes);
    }
}
