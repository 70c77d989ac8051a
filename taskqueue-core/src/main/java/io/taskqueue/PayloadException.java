package io.taskqueue;

/** A job's data or result could not be encoded to, or decoded from, JSON. */
public class PayloadException extends TaskQueueException {
    private static final long serialVersionUID = 1L;

    public PayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
