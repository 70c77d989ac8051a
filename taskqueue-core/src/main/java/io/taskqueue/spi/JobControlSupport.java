package io.taskqueue.spi;

import io.taskqueue.JobState;

/** Capability {@link io.taskqueue.Capability#JOB_CONTROL}: moving single jobs by hand. */
public interface JobControlSupport {
    /** Moves a finished job in {@code from} back to waiting (a manual retry); false when it is not there. */
    boolean retryJob(String jobId, JobState from, long now);

    /** Makes a delayed job ready now; false when it is not delayed. */
    boolean promote(String jobId, long now);

    /** Re-schedules a delayed job {@code delayMillis} after now; false when it is not delayed. */
    boolean changeDelay(String jobId, long delayMillis, long now);

    /** Changes a job's priority and re-orders it when it is waiting; false when it does not exist. */
    boolean changePriority(String jobId, int priority, boolean lifo);
}
