package io.taskqueue.spi;

import io.taskqueue.JobState;
import java.util.List;

/** Capability {@link io.taskqueue.Capability#MAINTENANCE}: bulk removal of a queue's jobs. */
public interface MaintenanceSupport {
    /** Removes all waiting and prioritized jobs, and delayed ones when {@code includeDelayed}. */
    void drain(boolean includeDelayed);

    /**
     * Removes up to {@code limit} jobs in {@code state} (0: no limit) that entered it before
     * {@code now - graceMillis}; returns their ids.
     */
    List<String> clean(long graceMillis, int limit, JobState state, long now);

    /** Deletes the queue and all its jobs; the queue must be paused first and, unless forced, idle. */
    void obliterate(boolean force);
}
