package io.taskqueue.postgres;

import io.taskqueue.TaskQueueException;

/**
 * A tracker operation that an operator or host app called directly (a query, a replay, a
 * migration) could not be done. Writes made on behalf of running jobs never throw this: they are
 * buffered, retried and at worst counted as dropped.
 */
public class TrackerException extends TaskQueueException {
    private static final long serialVersionUID = 1L;

    public TrackerException(String message) {
        super(message);
    }

    public TrackerException(String message, Throwable cause) {
        super(message, cause);
    }
}
