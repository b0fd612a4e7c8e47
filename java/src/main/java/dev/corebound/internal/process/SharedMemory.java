package dev.corebound.internal.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Memory that the parent JVM and its worker processes map at once: an
 * {@link Arena} whose segments live in memory-mapped files ("chunks") in the
 * pool's private directory, which is on /dev/shm on Linux (so the files are
 * RAM, never written to disk). A worker maps a chunk the first time a task
 * names it and then computes in place.
 *
 * <p>{@link #allocate} hands out memory that lives until the arena closes.
 * {@link #lease} hands out scratch memory for copying operands that are not
 * shared; it goes back to a free list after the call and is reused.
 */
final class SharedMemory implements Arena {

    /** Chunks are at least this big; files are sparse, so unused parts cost nothing. */
    private static final long MIN_CHUNK = 64L << 20;

    /** Where a segment lives: which chunk, how far into it. */
    record Location(int chunk, long offset) {
    }

    private record Chunk(int id, MemorySegment memory, boolean scratch) {
    }

    private final Path dir;
    private final Arena mappings = Arena.ofShared();
    private final List<Chunk> chunks = new ArrayList<>();
    private final List<Chunk> freeScratch = new ArrayList<>();
    /** Bump pointer into the newest non-scratch chunk. */
    private Chunk current;
    private long used;

    SharedMemory(Path dir) {
        this.dir = dir;
    }

    /** The file holding chunk {@code id} in {@code dir}; workers find chunks by this name. */
    static Path chunkFile(Path dir, int id) {
        return dir.resolve("chunk-" + id);
    }

    @Override
    public synchronized MemorySegment allocate(long byteSize, long byteAlignment) {
        if (byteSize < 0 || byteAlignment <= 0 || Long.bitCount(byteAlignment) != 1) {
            throw new IllegalArgumentException("cannot allocate " + byteSize + " bytes aligned to " + byteAlignment);
        }
        long start = current == null ? 0 : (used + byteAlignment - 1) & -byteAlignment;
        if (current == null || start + byteSize > current.memory.byteSize()) {
            current = newChunk(Math.max(MIN_CHUNK, byteSize + byteAlignment), false);
            start = 0;
        }
        used = start + byteSize;
        return current.memory.asSlice(start, byteSize);
    }

    /** Scratch memory of at least {@code byteSize} bytes, until {@link #release}. */
    synchronized MemorySegment lease(long byteSize) {
        for (Chunk c : freeScratch) {
            if (c.memory.byteSize() >= byteSize) {
                freeScratch.remove(c);
                return c.memory;
            }
        }
        return newChunk(Math.max(1 << 20, byteSize), true).memory;
    }

    synchronized void release(MemorySegment leased) {
        chunks.stream().filter(c -> c.scratch && c.memory.equals(leased)).findFirst().ifPresent(freeScratch::add);
    }

    /** The chunk and offset of a segment that lies wholly in this memory, if it does. */
    synchronized Optional<Location> locate(MemorySegment segment) {
        if (!segment.isNative() || !mappings.scope().isAlive()) {
            return Optional.empty();
        }
        for (Chunk c : chunks) {
            long offset = segment.address() - c.memory.address();
            if (offset >= 0 && offset + segment.byteSize() <= c.memory.byteSize()) {
                return Optional.of(new Location(c.id, offset));
            }
        }
        return Optional.empty();
    }

    private Chunk newChunk(long size, boolean scratch) {
        int id = chunks.size();
        Path file = chunkFile(dir, id);
        try (FileChannel channel = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")))) {
            // Mapping past the end grows the file: a sparse file of zeros.
            Chunk chunk = new Chunk(id, channel.map(FileChannel.MapMode.READ_WRITE, 0, size, mappings), scratch);
            chunks.add(chunk);
            return chunk;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create shared memory " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public MemorySegment.Scope scope() {
        return mappings.scope();
    }

    /** Unmaps every chunk and deletes the files. */
    @Override
    public synchronized void close() {
        if (!mappings.scope().isAlive()) {
            return;
        }
        mappings.close();
        for (Chunk c : chunks) {
            try {
                Files.deleteIfExists(chunkFile(dir, c.id));
            } catch (IOException e) {
                // The pool deletes its whole directory after this; nothing is lost by going on.
            }
        }
    }
}
