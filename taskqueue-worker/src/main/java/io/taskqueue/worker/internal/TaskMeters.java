package io.taskqueue.worker.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOutcome;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker service's meters, fed by the runtime's outcomes: {@code taskqueue.worker.tasks}
 * (counter; tags {@code worker_type}, {@code queue}, {@code outcome}, {@code category}),
 * {@code taskqueue.worker.task.duration} (timer; {@code outcome}) and
 * {@code taskqueue.worker.tasks.active} (gauge).
 */
public final class TaskMeters implements JobLifecycleListener {
    private final MeterRegistry registry;
    private final String workerType;
    private final String queue;
    private final AtomicInteger active = new AtomicInteger();

    /** Meters for {@code workerType} on {@code queue} in {@code registry}. */
    public TaskMeters(MeterRegistry registry, String workerType, String queue) {
        this.registry = registry;
        this.workerType = workerType;
        this.queue = queue;
        registry.gauge("taskqueue.worker.tasks.active", Tags.of("worker_type",
                workerType, "queue", queue), active);
    }

    @Override
    public void onStarted(String queueName, Job job) {
        active.incrementAndGet();
    }

    @Override
    public void onFinished(String queueName, Job job, JobOutcome outcome, long elapsedMillis) {
        active.decrementAndGet();
        String name;
        if (outcome instanceof JobOutcome.Completed) {
            name = "completed";
        } else if (outcome instanceof JobOutcome.Failed failed) {
            name = failed.retryDelay() != null ? "retried" : "failed";
        } else {
            name = outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        }
        String category = outcome instanceof JobOutcome.Failed f ? f.category().name() : "none";
        Counter.builder("taskqueue.worker.tasks").description("Task attempts by outcome")
                .tags("worker_type", workerType, "queue", queue, "outcome", name, "category", category)
                .register(registry).increment();
        Timer.builder("taskqueue.worker.task.duration").description("Time per task attempt")
                .tags("worker_type", workerType, "queue", queue, "outcome", name)
                .register(registry).record(elapsedMillis, TimeUnit.MILLISECONDS);
    }
}
