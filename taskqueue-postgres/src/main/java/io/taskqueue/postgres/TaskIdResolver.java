package io.taskqueue.postgres;

import io.taskqueue.Job;

/**
 * The task id the tracker records for a job it did not enqueue itself (added with a plain
 * {@code queue.add}, or by another process): the hook an application sets in
 * {@link TaskTrackerOptions#taskIdResolver()} when its jobs carry their business identity elsewhere.
 */
@FunctionalInterface
public interface TaskIdResolver {
    /**
     * The task id of {@code job}.
     *
     * @param baseQueueName the job's queue name without its environment prefix
     *     ({@link TaskTrackerOptions#environmentPrefixes()})
     * @param job the job
     * @return an id of the form {@code base:key[:key...]} ({@link TaskIds#isTaskId})
     */
    String taskId(String baseQueueName, Job job);

    /**
     * The default: a top-level {@code "taskId"} string in the job's data when there is one, else
     * {@code {baseQueueName}:{jobId}}.
     */
    static TaskIdResolver defaults() {
        return DataTaskIdResolver.INSTANCE;
    }
}
