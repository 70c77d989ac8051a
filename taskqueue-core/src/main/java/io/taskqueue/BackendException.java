package io.taskqueue;

/** The backend (Redis, Postgres, ...) failed or could not be reached. Usually transient. */
public class BackendException extends TaskQueueException {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
