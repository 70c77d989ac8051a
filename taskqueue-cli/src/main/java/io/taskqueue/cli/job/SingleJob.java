package io.taskqueue.cli.job;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliException;

/** Looking up the one job a command acts on, and the errors that say why it could not act. */
final class SingleJob {
    private SingleJob() {
    }

    /** The job, or a {@link CliException} naming the id and the queue. */
    static Job require(JobQueue queue, String id) {
        return queue.getJob(id).orElseThrow(() -> notFound(queue, id));
    }

    static CliException notFound(JobQueue queue, String id) {
        return new CliException("job " + id + " not found in queue " + queue.name());
    }

    /**
     * The error after an action returned false: the job is gone, or in a state the action does not
     * apply to ({@code expected} says which states it does apply to).
     */
    static CliException refused(JobQueue queue, String id, String action, String expected) {
        JobState now = queue.getState(id);
        if (now == JobState.UNKNOWN) {
            return notFound(queue, id);
        }
        return new CliException("cannot " + action + " job " + id + " of queue " + queue.name() + ": it is "
                + now.wireName() + (expected == null ? "" : ", not " + expected));
    }
}
