package io.taskqueue.postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code task_trackers}: one execution (attempt) of a task. JSON columns are kept as
 * JSON text.
 *
 * @param id the row's sequence number; orders rows and pages listings
 * @param taskId the business identity, the same for every attempt and replay
 * @param executionId this attempt's UUID v4
 * @param queueName the queue it ran on, e.g. {@code orders}
 * @param jobId the queue's job id
 * @param jobName the job name (selects the handler), or {@code null} when not known yet
 * @param attempt the job's attempt number this execution is, from 1
 * @param maxAttempts the attempts the job may use, or {@code null} when not known yet
 * @param status where the execution is
 * @param enqueuedAt when it was enqueued (for a retry: when the previous attempt failed)
 * @param processingStartedAt when a worker claimed it, or {@code null}
 * @param completedAt when it completed, or {@code null}
 * @param failedAt when it failed, or {@code null}
 * @param processTimeMillis how long the attempt ran, or {@code null}
 * @param resultJson the handler's result, or {@code null}
 * @param errorMessage the error's message, or {@code null}
 * @param errorCategory the name of the error's category as the worker decided it
 *     ({@link io.taskqueue.ErrorCategory#name()}) or one of {@link TrackerCategories}, or {@code null}
 * @param errorStack the error's stack trace, or {@code null}
 * @param retryCount failed attempts of the job up to and including this one
 * @param metadataJson free metadata set at enqueue, or {@code null}
 * @param duplicatesPrevented how many enqueues of the same task this execution turned away
 * @param replays how many dead-letter replays lead to this execution (0 for the original)
 * @param replayedTo for a replayed dead letter, the execution it was replayed as
 * @param updatedAt when the row last changed
 */
public record TaskExecution(
        long id,
        String taskId,
        UUID executionId,
        String queueName,
        String jobId,
        String jobName,
        int attempt,
        Integer maxAttempts,
        TaskStatus status,
        Instant enqueuedAt,
        Instant processingStartedAt,
        Instant completedAt,
        Instant failedAt,
        Long processTimeMillis,
        String resultJson,
        String errorMessage,
        String errorCategory,
        String errorStack,
        int retryCount,
        String metadataJson,
        int duplicatesPrevented,
        int replays,
        UUID replayedTo,
        Instant updatedAt) {

    public TaskExecution {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    }

    /** Whether the job may run again after this execution. */
    public boolean canRetry() {
        return status == TaskStatus.FAILED || (status == TaskStatus.QUEUED && maxAttempts != null
                && attempt <= maxAttempts);
    }

    /** Whether it has been processing for longer than {@code threshold} at {@code now}. */
    public boolean isStuck(Instant now, Duration threshold) {
        return status == TaskStatus.PROCESSING && processingStartedAt != null
                && processingStartedAt.plus(threshold).isBefore(now);
    }

    /** The processing time, when known. */
    public Optional<Duration> processTime() {
        return Optional.ofNullable(processTimeMillis).map(Duration::ofMillis);
    }
}
