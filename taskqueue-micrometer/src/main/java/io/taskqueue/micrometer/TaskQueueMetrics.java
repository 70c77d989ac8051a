package io.taskqueue.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.taskqueue.TaskQueueExtension;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Records a task queue's jobs in a Micrometer registry: counters of jobs added, completed, failed,
 * retried, stalled and lock losses; timers of processing and wait time; gauges of the jobs running in
 * this process and of each queue's depth by state. {@link MeterNames} lists every meter and tag.
 *
 * <pre>{@code
 * TaskQueue taskQueue = TaskQueue.builder().backend("redis://localhost:6379")
 *         .extension(TaskQueueMetrics.of(registry))
 *         .build();
 * }</pre>
 *
 * <p>Counters and timers are fed by the task queue's lifecycle events in this process, so they count
 * what this process did; sum them across processes. The depth gauges are polled every
 * {@link MetricsOptions#pollInterval()} on the task queue's timer threads, one count per known
 * queue, and read NaN while the backend does not answer. Installed on one task queue; closing the
 * task queue stops the polling and removes the gauges, while counters and timers stay in the registry.
 */
public final class TaskQueueMetrics implements TaskQueueExtension {
    private final MeterRegistry registry;
    private final MetricsOptions options;
    private JobMeters jobMeters;
    private QueueDepthPoller poller;
    private ScheduledFuture<?> polling;

    private TaskQueueMetrics(MeterRegistry registry, MetricsOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Meters in {@code registry} with {@link MetricsOptions#defaults()}. */
    public static TaskQueueMetrics of(MeterRegistry registry) {
        return of(registry, MetricsOptions.defaults());
    }

    /** Meters in {@code registry} with {@code options}. */
    public static TaskQueueMetrics of(MeterRegistry registry, MetricsOptions options) {
        return new TaskQueueMetrics(registry, options);
    }

    /** The settings. */
    public MetricsOptions options() {
        return options;
    }

    /** Registers the listener and starts polling; fails when already installed on a task queue. */
    @Override
    public synchronized void install(Installation installation) {
        if (poller != null) {
            throw new IllegalStateException("TaskQueueMetrics is installed on one task queue; make one per task queue");
        }
        poller = new QueueDepthPoller(installation.taskQueue(), registry, Tags.of(options.tags()));
        options.queues().forEach(poller::know);
        jobMeters = new JobMeters(registry, options, installation.clock(), poller::know);
        installation.addListener(jobMeters);
        long every = options.pollInterval().toMillis();
        polling = installation.scheduler().scheduleWithFixedDelay(poller, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Stops polling and removes the gauges. Idempotent. */
    @Override
    public synchronized void close() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
            poller.removeGauges();
            jobMeters.removeGauges();
        }
    }

    @Override
    public String toString() {
        return "TaskQueueMetrics[" + registry.getClass().getSimpleName() + ", every " + options.pollInterval() + "]";
    }
}
