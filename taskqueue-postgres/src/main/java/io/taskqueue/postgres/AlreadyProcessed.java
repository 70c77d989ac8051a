package io.taskqueue.postgres;

/**
 * The result a job completes with when the tracker's claim turned the attempt away and the handler
 * did not run: another worker holds this attempt, or an execution of the job already completed
 * (stored as {@code { skipped: true, reason: 'already_processed' }}).
 *
 * @param skipped always {@code true}
 * @param reason always {@value #REASON}
 * @param taskId the task's id
 * @param jobId the queue's job id
 */
public record AlreadyProcessed(boolean skipped, String reason, String taskId, String jobId) {
    /** The reason stored in the result. */
    public static final String REASON = "already_processed";

    /** The result for {@code jobId} of {@code taskId}. */
    public static AlreadyProcessed of(String taskId, String jobId) {
        return new AlreadyProcessed(true, REASON, taskId, jobId);
    }
}
