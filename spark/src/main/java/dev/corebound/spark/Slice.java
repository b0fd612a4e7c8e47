package dev.corebound.spark;

import java.io.Serializable;

/** One slice of a sliced operation: the half-open range [start, start + length) of samples or rows. */
public record Slice(long start, long length) implements Serializable {

    public long end() {
        return start + length;
    }
}
