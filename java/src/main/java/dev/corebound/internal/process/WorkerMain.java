package dev.corebound.internal.process;

import dev.corebound.Backend;
import dev.corebound.internal.kernel.BackendKernels;
import dev.corebound.internal.kernel.Kernels;
import dev.corebound.internal.parallel.GilContext;
import dev.corebound.internal.parallel.Task;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The main class of a {@link ProcessWorkers} worker JVM. It says hello on stdout,
 * then answers requests from stdin one at a time until stdin closes (the
 * parent closed the pool or died) or the parent process exits.
 *
 * <p>Arguments: the pool's private directory, where the shared-memory chunks are.
 */
public final class WorkerMain {

    private static volatile boolean worker;

    private WorkerMain() {
    }

    /** True in a worker process: the only place a {@link Task.Crash} may run. */
    public static boolean isWorker() {
        return worker;
    }

    public static void main(String[] args) throws IOException {
        worker = true;
        Path dir = Path.of(args[0]);
        // stdout is the reply channel: nothing else may write to it.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        exitWithParent();

        Map<Integer, MemorySegment> chunks = new HashMap<>();
        Arena mappings = Arena.ofShared();
        Protocol.Chunks mapped = id -> {
            MemorySegment chunk = chunks.get(id);
            if (chunk == null) {
                try (FileChannel channel = FileChannel.open(SharedMemory.chunkFile(dir, id),
                        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    chunk = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size(), mappings);
                }
                chunks.put(id, chunk);
            }
            return chunk;
        };
        Map<Backend, BackendKernels> kernels = new EnumMap<>(Backend.class);

        out.writeInt(Protocol.MAGIC);
        out.writeLong(ProcessHandle.current().pid());
        out.flush();
        for (Backend backend; (backend = Protocol.readBackend(in)) != null; ) {
            Task task = Protocol.readTask(in, mapped);
            try {
                double result = task.run(kernels(kernels, backend), GilContext.NONE);
                out.writeByte(Protocol.OK);
                out.writeDouble(result);
            } catch (RuntimeException e) {
                out.writeByte(Protocol.FAILED);
                out.writeUTF(e.getClass().getName());
                out.writeUTF(String.valueOf(e.getMessage()));
            }
            out.flush();
        }
        System.exit(0);
    }

    /** The backend's kernels, created on its first task (a map lambda would hide this class from the caller check). */
    private static BackendKernels kernels(Map<Backend, BackendKernels> created, Backend backend) {
        BackendKernels k = created.get(backend);
        if (k == null) {
            k = Kernels.of(backend);
            created.put(backend, k);
        }
        return k;
    }

    /** A worker whose parent died stops at once, even in the middle of a task. */
    private static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    }
}
