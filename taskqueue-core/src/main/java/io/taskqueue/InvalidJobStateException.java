package io.taskqueue;

/** The job exists but is not in a state that allows the requested operation. */
public class InvalidJobStateException extends TaskQueueException {
    private static final long serialVersionUID = 1L;

    public InvalidJobStateException(String message) {
        super(message);
    }
}
