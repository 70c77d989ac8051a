package io.taskqueue.postgres;

import io.taskqueue.JobState;
import java.util.Objects;

/**
 * An execution the tracker believes is processing while its queue no longer holds the job as
 * active: the tracker missed the outcome (dropped write, crash) or the job was removed.
 *
 * @param execution the tracker's row
 * @param queueState the job's state in the queue now ({@link JobState#UNKNOWN} when it is gone)
 */
public record Orphan(TaskExecution execution, JobState queueState) {
    public Orphan {
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(queueState, "queueState");
    }
}
