package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by a handler (through {@link JobContext#rateLimit(Duration)}) when a downstream service
 * told it to slow down: the whole queue is rate limited for {@link #ttl()} (BullMQ's manual
 * {@code worker.rateLimit(ms)}) and the job goes back to the front of the queue without spending an
 * attempt. Workers with a {@link WorkerOptions#limiter() limiter}, or on a queue with a global rate
 * limit, stop fetching until the limit expires; this worker always pauses its own fetching.
 */
public class RateLimitedException extends TaskQueueException {
    private static final long serialVersionUID = 1L;
    private final Duration ttl;

    public RateLimitedException(Duration ttl) {
        super("rate limited for " + Objects.requireNonNull(ttl, "ttl").toMillis() + " ms");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        this.ttl = ttl;
    }

    /** How long the queue stays rate limited. */
    public Duration ttl() {
        return ttl;
    }
}
