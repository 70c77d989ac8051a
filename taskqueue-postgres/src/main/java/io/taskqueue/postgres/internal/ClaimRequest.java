package io.taskqueue.postgres.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A worker's claim of one attempt of a job, before its handler runs.
 *
 * @param taskId the task id to record when the job has no row yet
 * @param executionId the execution id to record when the attempt has no row yet
 * @param queueName the queue
 * @param jobId the job
 * @param jobName the job's name
 * @param attempt the attempt (1-based)
 * @param maxAttempts the job's attempts
 * @param fetchNo how many times the queue has handed out the job, this fetch included
 * @param enqueuedAt when the attempt was enqueued (the job's timestamp for the first)
 * @param retryCount attempts already made
 * @param now the claim's time
 */
public record ClaimRequest(String taskId, UUID executionId, String queueName, String jobId, String jobName,
        int attempt, Integer maxAttempts, int fetchNo, Instant enqueuedAt, int retryCount, Instant now) {

    public ClaimRequest {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(now, "now");
    }

    /** The row a claim is about: the conflict key of {@code task_trackers}. */
    public record Key(String queueName, String jobId, int attempt) {
    }

    /** The job a claim is about: claims of one job never share a statement. */
    record Job(String queueName, String jobId) {
    }

    public Key key() {
        return new Key(queueName, jobId, attempt);
    }

    Job job() {
        return new Job(queueName, jobId);
    }
}
