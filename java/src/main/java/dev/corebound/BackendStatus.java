package dev.corebound;

/**
 * Whether a backend can run in this JVM.
 *
 * @param backend   the backend
 * @param available true when {@link Corebound#blas(Backend)} will return it
 * @param detail    when available, what runs (library version, kernel set, SIMD width);
 *                  otherwise the one-line reason it cannot run
 */
public record BackendStatus(Backend backend, boolean available, String detail) {

    /** "NATIVE        available: ..." or "OPENBLAS      unavailable: ...", as {@code info} prints it. */
    @Override
    public String toString() {
        return String.format("%-13s %s: %s", backend, available ? "available" : "unavailable", detail);
    }
}
