package io.taskqueue.spi;

import io.taskqueue.KeepJobs;
import java.util.List;
import java.util.Objects;

/**
 * Moves an active job to completed or failed (for good), optionally fetching the next job in the
 * same round trip.
 *
 * @param jobId the job
 * @param token the lock token the worker holds
 * @param now epoch milliseconds
 * @param completed true for completed, false for failed
 * @param value the result as JSON text (completed) or the failed reason as plain text (failed)
 * @param stacktrace the job's whole stack trace list to store, or {@code null} to leave it as is
 * @param keep retention for the target state
 * @param next a fetch to run after finishing, or {@code null}
 * @param metricsMaxDataPoints per-minute metrics points to keep for the target state, or 0 to
 *     collect none (only sent to a backend with {@link MetricsSupport})
 */
public record FinishRequest(String jobId, String token, long now, boolean completed, String value,
        List<String> stacktrace, KeepJobs keep, FetchRequest next, int metricsMaxDataPoints) {
    public FinishRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(keep, "keep");
        stacktrace = stacktrace == null ? null : List.copyOf(stacktrace);
        if (metricsMaxDataPoints < 0) {
            throw new IllegalArgumentException("metricsMaxDataPoints must not be negative: " + metricsMaxDataPoints);
        }
    }

    /** A finish that collects no metrics. */
    public FinishRequest(String jobId, String token, long now, boolean completed, String value,
            List<String> stacktrace, KeepJobs keep, FetchRequest next) {
        this(jobId, token, now, completed, value, stacktrace, keep, next, 0);
    }
}
