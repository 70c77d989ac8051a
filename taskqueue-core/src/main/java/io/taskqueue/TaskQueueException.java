package io.taskqueue;

/**
 * The root of every exception taskqueue throws. Unchecked: callers decide where to handle it.
 * User callbacks (handlers, listeners, strategies) may still throw checked exceptions.
 */
public class TaskQueueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskQueueException(String message) {
        super(message);
    }

    public TaskQueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
