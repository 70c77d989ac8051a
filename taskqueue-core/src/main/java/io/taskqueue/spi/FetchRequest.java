package io.taskqueue.spi;

import io.taskqueue.RateLimit;
import java.util.Objects;

/**
 * A worker's request for the next job.
 *
 * @param token the lock token to own the job with ({@code <worker uuid>:<counter>})
 * @param lockDurationMillis how long the lock lives unless renewed
 * @param workerName stored as the job's {@code processedBy}, or {@code null}
 * @param now the worker's clock, epoch milliseconds
 * @param limiter the worker's rate limit (BullMQ's {@code limiter}), or {@code null}; the queue's
 *     global rate limit overrides its {@code max}, and its {@code duration} wins over the global one
 *     (only sent to a backend with {@link LimitSupport})
 */
public record FetchRequest(String token, long lockDurationMillis, String workerName, long now, RateLimit limiter) {
    public FetchRequest {
        Objects.requireNonNull(token, "token");
        if (lockDurationMillis <= 0) {
            throw new IllegalArgumentException("lockDurationMillis must be positive");
        }
    }

    /** A request without a worker rate limit. */
    public FetchRequest(String token, long lockDurationMillis, String workerName, long now) {
        this(token, lockDurationMillis, workerName, now, null);
    }
}
