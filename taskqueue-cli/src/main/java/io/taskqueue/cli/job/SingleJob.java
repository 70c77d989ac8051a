package io.taskqueue.cli.job;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.cli.CliException;

/** Looking up the one job a command acts on. */
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
}
