package dev.corebound;

/** A backend cannot run here; the message says why and, where there is one, what fixes it. */
public final class BackendUnavailableException extends RuntimeException {

    private final Backend backend;
    private final String reason;

    public BackendUnavailableException(Backend backend, String reason) {
        this(backend, reason, null);
    }

    public BackendUnavailableException(Backend backend, String reason, Throwable cause) {
        super(backend + " is unavailable: " + reason, cause);
        this.backend = backend;
        this.reason = reason;
    }

    public Backend backend() {
        return backend;
    }

    /** Why, in one line, without the backend's name. */
    public String reason() {
        return reason;
    }
}
