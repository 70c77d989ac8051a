package io.taskqueue.spi;

import java.util.List;
import java.util.Objects;

/**
 * Puts an active job back to run again: at once ({@code delayMillis == 0}: to the wait list or its
 * priority class) or after a delay (to the delayed set).
 *
 * @param jobId the job
 * @param token the lock token the worker holds
 * @param now epoch milliseconds
 * @param delayMillis 0 to retry at once, else the backoff delay
 * @param spendAttempt whether this counts as an attempt made ({@code false} for retry-later)
 * @param failedReason the last error message to store, or {@code null}
 * @param stacktrace the job's whole stack trace list to store, or {@code null}
 */
public record RetryRequest(String jobId, String token, long now, long delayMillis, boolean spendAttempt,
        String failedReason, List<String> stacktrace) {
    public RetryRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(token, "token");
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must not be negative");
        }
        stacktrace = stacktrace == null ? null : List.copyOf(stacktrace);
    }
}
