package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by a handler (usually through {@link JobContext#retryLater(Duration)}) to put its job back
 * for a later run without spending an attempt, e.g. when a partner API rate-limits us.
 */
public class RetryLaterException extends TaskQueueException {
    private static final long serialVersionUID = 1L;
    private final Duration delay;

    public RetryLaterException(Duration delay, String reason) {
        super(reason == null ? "retry later in " + delay : reason);
        this.delay = Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
    }

    /** How long to wait before the job may run again. */
    public Duration delay() {
        return delay;
    }
}
