package io.taskqueue.cli.tracker;

import io.taskqueue.postgres.TaskExecution;

/**
 * One execution of a task in {@code --json} output (shape documented in docs/cli.md). Instants are
 * ISO-8601 UTC text with the database's precision; JSON columns (result, metadata) are left out: a
 * dead letter's payload is in {@code dlq show}.
 *
 * @param executionId the attempt's UUID
 * @param taskId the task, stable across retries and replays
 * @param queue the queue it ran on
 * @param jobId the queue's job id
 * @param jobName the job name, or {@code null}
 * @param status queued, processing, completed, failed, dlq or archived
 * @param attempt the job's attempt number, from 1
 * @param maxAttempts the attempts the job may use, or {@code null}
 * @param enqueuedAt when it was enqueued
 * @param processingStartedAt when a worker claimed it, or {@code null}
 * @param completedAt when it completed, or {@code null}
 * @param failedAt when it failed, or {@code null}
 * @param processTimeMs how long it ran, or {@code null}
 * @param errorCategory the failure's category, or {@code null}
 * @param errorMessage the failure's message, or {@code null}
 * @param retryCount failed attempts up to and including this one
 * @param replays dead-letter replays leading to this execution
 * @param replayedTo the execution a replayed dead letter became, or {@code null}
 */
public record ExecutionView(String executionId, String taskId, String queue, String jobId, String jobName,
        String status, int attempt, Integer maxAttempts, String enqueuedAt, String processingStartedAt,
        String completedAt, String failedAt, Long processTimeMs, String errorCategory, String errorMessage,
        int retryCount, int replays, String replayedTo) {

    /** The view of {@code e}. */
    public static ExecutionView of(TaskExecution e) {
        return new ExecutionView(e.executionId().toString(), e.taskId(), e.queueName(), e.jobId(), e.jobName(),
                e.status().wireName(), e.attempt(), e.maxAttempts(), Cells.exact(e.enqueuedAt()),
                Cells.exact(e.processingStartedAt()), Cells.exact(e.completedAt()), Cells.exact(e.failedAt()),
                e.processTimeMillis(), e.errorCategory(), e.errorMessage(), e.retryCount(), e.replays(),
                e.replayedTo() == null ? null : e.replayedTo().toString());
    }
}
