package io.taskqueue.spi;

import io.taskqueue.JobScheduler;
import io.taskqueue.SchedulerSpec;
import java.util.List;

/**
 * Capability {@link io.taskqueue.Capability#SCHEDULERS}: job schedulers, each producing jobs with
 * ids {@code repeat:<schedulerId>:<millis>}, the next one when the current one is fetched. Run times
 * come from {@link SchedulerSpec#firstRun} and {@link SchedulerSpec#nextRun}, the one place that
 * computes them; a backend stores what they return.
 */
public interface SchedulerSupport {
    /**
     * Creates or replaces scheduler {@code schedulerId} and its current job; {@code template} gives
     * the jobs' name, data and options, and its timestamp is "now". A replaced scheduler's pending
     * job is deleted. Returns the id of the current job, or {@code null} when the schedule has
     * nothing left to produce.
     */
    String upsertScheduler(String schedulerId, SchedulerSpec spec, NewJob template);

    /** Removes a scheduler and its delayed current job; false when it did not exist. */
    boolean removeScheduler(String schedulerId);

    /** Every scheduler of the queue, the soonest due first. */
    List<JobScheduler> schedulers();
}
