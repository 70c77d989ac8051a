package io.taskqueue.cli.dlq;

import io.taskqueue.cli.tracker.Cells;
import io.taskqueue.postgres.DeadLetter;
import io.taskqueue.postgres.TaskExecution;

/**
 * One dead letter in {@code dlq ls --json} (a stable shape, documented in docs/cli.md).
 *
 * @param position the 0-based position in the filtered listing (what {@code dlq replay --range} takes)
 * @param executionId the dead execution, what {@code dlq show}, {@code replay} and {@code archive} take
 * @param taskId the task
 * @param queue the queue it failed on
 * @param jobId the queue's job id
 * @param jobName the job name, or {@code null}
 * @param status {@code dlq}, or {@code archived} with {@code --archived}
 * @param category the error category, or {@code null}
 * @param error the last error's message, or {@code null}
 * @param failedAt when it failed (ISO-8601 UTC)
 * @param attempt the attempt that failed
 * @param maxAttempts the attempts the job had, or {@code null}
 * @param replays how many replays led to this execution
 * @param executions how many executions the task has (its attempt history)
 */
public record DeadLetterRow(long position, String executionId, String taskId, String queue, String jobId,
        String jobName, String status, String category, String error, String failedAt, int attempt,
        Integer maxAttempts, int replays, int executions) {

    static DeadLetterRow of(long position, DeadLetter letter) {
        TaskExecution e = letter.execution();
        return new DeadLetterRow(position, e.executionId().toString(), e.taskId(), e.queueName(), e.jobId(),
                e.jobName(), e.status().wireName(), e.errorCategory(), e.errorMessage(), Cells.exact(e.failedAt()),
                e.attempt(), e.maxAttempts(), e.replays(), letter.attempts().size());
    }
}
