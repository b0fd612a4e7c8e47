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
import java.util.Optional;

/**
 * The main class of a {@link ProcessWorkers} worker JVM. It says hello on
 * stdout as soon as it can take a request, then answers requests from stdin
 * one at a time until stdin closes (the parent closed the pool or died) or the
 * parent process exits.
 *
 * <p>Nothing a request may not need is done before the hello: shared memory
 * is mapped when a task first names it, and a backend (OpenBLAS, the C
 * library, the Vector API) is loaded for its first task.
 *
 * <p>Arguments: the pool's private directory, where the shared-memory chunks are.
 */
public final class WorkerMain {

    /** How often a worker checks that its parent runs: a parent that died in the middle of a task ends it this soon. */
    private static final long PARENT_CHECK_MILLIS = 100;

    private static volatile boolean worker;

    private WorkerMain() {
    }

    /** True in a worker process: the only place a {@link Task.Crash} may run. */
    public static boolean isWorker() {
        return worker;
    }

    public static void main(String[] args) throws IOException {
        worker = true;
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        Protocol.writeHello(out, ProcessHandle.current().pid());
        out.flush();
        // stdout is the reply channel: nothing else may write to it.
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        exitWithParent();
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        MappedMemory memory = new MappedMemory(Path.of(args[0]));
        Map<Backend, BackendKernels> kernels = new EnumMap<>(Backend.class);
        for (Backend backend; (backend = Protocol.readBackend(in)) != null; ) {
            Task task = Protocol.readTask(in, memory);
            try {
                Protocol.writeResult(out, task.run(kernels(kernels, backend), GilContext.NONE));
            } catch (RuntimeException e) {
                Protocol.writeFailure(out, e);
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

    /**
     * A worker whose parent died stops at once, even in the middle of a task.
     * (When it is idle, the end of stdin stops it first.) The handle checks
     * the parent's start time too, so a new process with the parent's pid does
     * not keep the worker alive.
     */
    private static void exitWithParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Thread.ofPlatform().daemon().name("corebound-parent-watch").start(() -> {
            try {
                while (parent.isPresent() && parent.get().isAlive()) {
                    Thread.sleep(PARENT_CHECK_MILLIS);
                }
            } catch (InterruptedException e) {
                // nothing interrupts this thread; end the worker all the same
            }
            Runtime.getRuntime().halt(3);
        });
    }

    /** The pool's chunks as this worker maps them (each the first time a task names it), and its message buffer. */
    private static final class MappedMemory implements Protocol.WorkerMemory {
        private final Path dir;
        private final Map<Integer, MemorySegment> mapped = new HashMap<>();
        private Arena mappings;
        private byte[] messages = new byte[0];

        MappedMemory(Path dir) {
            this.dir = dir;
        }

        @Override
        public byte[] messageBuffer(int length) {
            if (messages.length < length) {
                messages = new byte[length];
            }
            return messages;
        }

        @Override
        public MemorySegment chunk(int id) throws IOException {
            MemorySegment chunk = mapped.get(id);
            if (chunk == null) {
                if (mappings == null) {
                    mappings = Arena.ofShared();
                }
                try (FileChannel channel = FileChannel.open(SharedMemory.chunkFile(dir, id),
                        StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    chunk = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size(), mappings);
                }
                mapped.put(id, chunk);
            }
            return chunk;
        }
    }
}
