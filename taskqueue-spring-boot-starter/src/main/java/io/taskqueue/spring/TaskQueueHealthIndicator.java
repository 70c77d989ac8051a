package io.taskqueue.spring;

import io.taskqueue.HealthCheck;
import io.taskqueue.HealthReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The task queue's health as the core's {@link HealthCheck} judges it (backend reachable, every
 * worker running, no idle worker silent for longer than {@code taskqueue.health.max-fetch-silence}),
 * plus one rule of the application context's own: a queue that has handlers here but no running
 * worker (not started yet, or stopped) is down.
 */
public final class TaskQueueHealthIndicator implements HealthIndicator {
    private final HealthCheck check;
    private final TaskQueueWorkers workers;

    /** Reports {@code check}'s verdict on the task queue that runs {@code workers}. */
    public TaskQueueHealthIndicator(HealthCheck check, TaskQueueWorkers workers) {
        this.check = Objects.requireNonNull(check, "check");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    @Override
    public Health health() {
        HealthReport report = check.report();
        Map<String, Object> details = new LinkedHashMap<>(report.details());
        List<String> notStarted = workers.handledQueues().stream()
                .filter(queue -> !workers.workers().containsKey(queue)).sorted().toList();
        if (!notStarted.isEmpty()) {
            details.put("notStarted", notStarted);
        }
        boolean up = report.isUp() && notStarted.isEmpty();
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
