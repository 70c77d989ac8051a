package io.taskqueue.postgres;

import java.util.Objects;
import java.util.UUID;

/**
 * What {@link TaskTracker#enqueue} did.
 *
 * @param outcome whether the job was added
 * @param taskId the task's id
 * @param executionId the new execution, or for a duplicate the execution already in flight
 * @param jobId the queue's job id of that execution
 */
public record EnqueueResult(Outcome outcome, String taskId, UUID executionId, String jobId) {

    public EnqueueResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(taskId, "taskId");
    }

    /** Whether a job was added to the queue. */
    public boolean enqueued() {
        return outcome != Outcome.DUPLICATE;
    }

    /** How an enqueue ended. */
    public enum Outcome {
        /** Tracked and added. */
        ENQUEUED,
        /** Not added: an execution of the same task is queued or processing within the window. */
        DUPLICATE,
        /**
         * Added without the duplicate check, because the tracker's database did not answer in time;
         * the tracker row is written when it is back (the job itself is never held back).
         */
        ENQUEUED_UNCHECKED
    }
}
