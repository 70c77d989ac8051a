package io.taskqueue.spi;

import java.util.Objects;

/**
 * A worker's request for the next job.
 *
 * @param token the lock token to own the job with ({@code <worker uuid>:<counter>})
 * @param lockDurationMillis how long the lock lives unless renewed
 * @param workerName stored as the job's {@code processedBy}, or {@code null}
 * @param now the worker's clock, epoch milliseconds
 */
public record FetchRequest(String token, long lockDurationMillis, String workerName, long now) {
    public FetchRequest {
        Objects.requireNonNull(token, "token");
        if (lockDurationMillis <= 0) {
            throw new IllegalArgumentException("lockDurationMillis must be positive");
        }
    }
}
