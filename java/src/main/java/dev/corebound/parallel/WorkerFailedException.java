package dev.corebound.parallel;

/**
 * A worker process exited, crashed or timed out during a call, or could not
 * start. The pool replaces a worker that failed in a call before this is
 * thrown; when the replacement cannot start either, it is stopped, its
 * failure is added here as suppressed, and the next call tries again.
 */
public final class WorkerFailedException extends RuntimeException {

    public WorkerFailedException(String message) {
        super(message);
    }

    public WorkerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
