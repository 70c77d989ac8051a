package io.taskqueue.spring;

import io.taskqueue.Worker;
import io.taskqueue.WorkerHealth;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports each worker's state, last fetch, active jobs and counts. Down when a worker with handlers
 * is not running, or when a worker with a free slot has had no answer to a fetch for longer than
 * {@code taskqueue.health.max-fetch-silence} (a worker whose slots are all busy does not fetch, so
 * its silence says nothing).
 */
public final class TaskQueueHealthIndicator implements HealthIndicator {
    private final TaskQueueWorkers workers;
    private final Duration maxFetchSilence;

    /** Judges {@code workers} with {@code maxFetchSilence}. */
    public TaskQueueHealthIndicator(TaskQueueWorkers workers, Duration maxFetchSilence) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.maxFetchSilence = Objects.requireNonNull(maxFetchSilence, "maxFetchSilence");
    }

    @Override
    public Health health() {
        Map<String, Worker> running = workers.workers();
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String queue : workers.handledQueues()) {
            Worker worker = running.get(queue);
            if (worker == null) {
                up = false;
                details.put(queue, Map.of("state", "NOT_STARTED"));
                continue;
            }
            WorkerHealth health = worker.health();
            boolean healthy = health.activeJobs() >= health.concurrency()
                    ? health.state() == WorkerHealth.State.RUNNING
                    : health.isHealthy(maxFetchSilence);
            up &= healthy;
            details.put(queue, describe(health, healthy));
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private static Map<String, Object> describe(WorkerHealth health, boolean healthy) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", healthy ? "UP" : "DOWN");
        detail.put("state", health.state().name());
        detail.put("lastFetchAt", health.lastFetchAt() == null ? "never" : health.lastFetchAt().toString());
        detail.put("sinceLastFetch", health.sinceLastFetch() == null ? "never" : health.sinceLastFetch().toString());
        detail.put("activeJobs", health.activeJobs());
        detail.put("concurrency", health.concurrency());
        detail.put("completed", health.completed());
        detail.put("failed", health.failed());
        return detail;
    }
}
