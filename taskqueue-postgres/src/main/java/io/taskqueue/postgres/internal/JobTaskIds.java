package io.taskqueue.postgres.internal;

import io.taskqueue.Job;
import io.taskqueue.postgres.TaskTrackerOptions;

/** The one way the tracker names the task of a job it meets in a listener or a claim. */
final class JobTaskIds {
    private JobTaskIds() {
    }

    /** The resolver's task id of {@code job}, given its queue's name without the environment prefix. */
    static String of(TaskTrackerOptions options, String queueName, Job job) {
        return options.taskIdResolver().taskId(options.baseQueueName(queueName), job);
    }
}
