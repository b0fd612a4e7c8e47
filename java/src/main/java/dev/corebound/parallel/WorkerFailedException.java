package dev.corebound.parallel;

/** A worker process exited, crashed or timed out during a call; the pool has replaced it. */
public final class WorkerFailedException extends RuntimeException {

    public WorkerFailedException(String message) {
        super(message);
    }

    public WorkerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
