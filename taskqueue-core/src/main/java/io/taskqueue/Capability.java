package io.taskqueue;

import io.taskqueue.spi.CheckpointSupport;
import io.taskqueue.spi.DeduplicationSupport;
import io.taskqueue.spi.FlowSupport;
import io.taskqueue.spi.GroupSupport;
import io.taskqueue.spi.JobControlSupport;
import io.taskqueue.spi.LimitSupport;
import io.taskqueue.spi.MaintenanceSupport;
import io.taskqueue.spi.MetricsSupport;
import io.taskqueue.spi.PauseSupport;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.spi.SchedulerSupport;
import io.taskqueue.spi.WorkerListSupport;

/**
 * What a backend may do beyond the job lifecycle every backend implements (add, fetch, locks,
 * finish, retry, stall recovery, cancel, progress, logs, reads, remove, events).
 * {@link TaskQueue#capabilities()} lists a backend's; using one it lacks fails with
 * {@link UnsupportedCapabilityException}, when the queue or worker is built where the options show
 * it, else at the call.
 */
public enum Capability {
    /** Pausing and resuming a queue: {@link JobQueue#pause()}. */
    PAUSE("pausing queues", PauseSupport.class),
    /** Draining, cleaning and obliterating a queue: {@link JobQueue#drain(boolean)}, {@link JobQueue#clean}. */
    MAINTENANCE("draining, cleaning and obliterating queues", MaintenanceSupport.class),
    /** Promoting, re-delaying, re-prioritising and manually retrying jobs: {@link JobQueue#promote}. */
    JOB_CONTROL("promoting, re-delaying, re-prioritising and retrying single jobs", JobControlSupport.class),
    /** Handler checkpoints: {@link JobContext#checkpoint(String, Object)}. */
    CHECKPOINTS("job checkpoints", CheckpointSupport.class),
    /** Queue-wide concurrency and rate limits, worker rate limits, manual rate limiting: {@link JobQueue#limits()}. */
    LIMITS("concurrency and rate limits", LimitSupport.class),
    /** Job groups with their own concurrency and rate limits: {@link JobOptions#group()}. */
    GROUPS("job groups", GroupSupport.class),
    /** Deduplicated adds: {@link JobOptions#deduplication()}. */
    DEDUPLICATION("deduplication", DeduplicationSupport.class),
    /** Job schedulers: {@link JobQueue#schedulers()}. */
    SCHEDULERS("job schedulers", SchedulerSupport.class),
    /** Flows of parent and child jobs: {@link FlowProducer}. */
    FLOWS("flows", FlowSupport.class),
    /** Per-minute metrics: {@link WorkerOptions#metricsMaxDataPoints()}, {@link JobQueue#getMetrics}. */
    METRICS("per-minute metrics", MetricsSupport.class),
    /** Listing the workers connected to a queue, other processes' included: {@link JobQueue#workers()}. */
    WORKERS("listing connected workers", WorkerListSupport.class);

    private final String description;
    private final Class<?> spiType;

    Capability(String description, Class<?> spiType) {
        this.description = description;
        this.spiType = spiType;
    }

    /** What the capability covers, in words, e.g. {@code job schedulers}. */
    public String description() {
        return description;
    }

    /** The backend interface that implements it. */
    public Class<?> spiType() {
        return spiType;
    }

    /**
     * {@code queue}'s implementation of this capability.
     *
     * @param type the capability's interface, {@link #spiType()}
     * @param backendDescription names the backend in the error
     * @throws UnsupportedCapabilityException when the queue's backend does not implement it
     */
    public <C> C of(QueueBackend queue, Class<C> type, String backendDescription) {
        if (type != spiType) {
            throw new IllegalArgumentException(type + " is not the interface of " + this);
        }
        return queue.capability(type).orElseThrow(() -> new UnsupportedCapabilityException(this, backendDescription));
    }
}
