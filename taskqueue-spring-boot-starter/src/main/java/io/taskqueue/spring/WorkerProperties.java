package io.taskqueue.spring;

import io.taskqueue.WorkerOptions;
import java.time.Duration;

/**
 * The options of one queue's worker ({@code taskqueue.workers.<queue>.*}). Unset properties keep
 * the {@link WorkerOptions} defaults, which match BullMQ's.
 */
public class WorkerProperties {
    /** The worker's name, stored with each job it runs and shown by dashboards. */
    private String name;

    /** How many jobs the worker runs at once. */
    private int concurrency = WorkerOptions.DEFAULT_CONCURRENCY;

    /** How long a job's lock lives without renewal; locks are renewed every quarter of it. */
    private Duration lockDuration = WorkerOptions.DEFAULT_LOCK_DURATION;

    /** How often the check for stalled jobs (of dead workers) runs. */
    private Duration stalledInterval = WorkerOptions.DEFAULT_STALLED_INTERVAL;

    /** How many times a job may be recovered from a dead worker before it fails. */
    private int maxStalledCount = WorkerOptions.DEFAULT_MAX_STALLED_COUNT;

    /** The longest wait for new work on an idle queue before fetching anyway. */
    private Duration drainDelay = WorkerOptions.DEFAULT_DRAIN_DELAY;

    /**
     * How long closing waits for running jobs before handing them back to the queue; on shutdown it is
     * cut to fit spring.lifecycle.timeout-per-shutdown-phase.
     */
    private Duration closeTimeout = WorkerOptions.DEFAULT_CLOSE_TIMEOUT;

    /** The worker's options. */
    public WorkerOptions toWorkerOptions() {
        return WorkerOptions.builder().name(name).concurrency(concurrency).lockDuration(lockDuration)
                .stalledInterval(stalledInterval).maxStalledCount(maxStalledCount).drainDelay(drainDelay)
                .closeTimeout(closeTimeout).build();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public Duration getLockDuration() {
        return lockDuration;
    }

    public void setLockDuration(Duration lockDuration) {
        this.lockDuration = lockDuration;
    }

    public Duration getStalledInterval() {
        return stalledInterval;
    }

    public void setStalledInterval(Duration stalledInterval) {
        this.stalledInterval = stalledInterval;
    }

    public int getMaxStalledCount() {
        return maxStalledCount;
    }

    public void setMaxStalledCount(int maxStalledCount) {
        this.maxStalledCount = maxStalledCount;
    }

    public Duration getDrainDelay() {
        return drainDelay;
    }

    public void setDrainDelay(Duration drainDelay) {
        this.drainDelay = drainDelay;
    }

    public Duration getCloseTimeout() {
        return closeTimeout;
    }

    public void setCloseTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }
}
