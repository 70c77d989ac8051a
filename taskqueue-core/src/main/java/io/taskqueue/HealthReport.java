package io.taskqueue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link HealthCheck}'s verdict at one moment: {@link Status#UP} when the backend answered
 * recently and every worker of the task queue is running and fetching.
 *
 * @param status the verdict
 * @param checkedAt when this report was made (on the task queue's clock)
 * @param backendReachable whether the backend answered within the last few intervals
 * @param lastBackendAnswer when the backend last answered, or {@code null} if never
 * @param lastError why the latest question failed, or {@code null} while the backend is reachable
 * @param workers the workers of the task queue that are not closed, in creation order
 */
public record HealthReport(Status status, Instant checkedAt, boolean backendReachable, Instant lastBackendAnswer,
        String lastError, List<WorkerReport> workers) {

    /** Whether the task queue can do its work. */
    public enum Status {
        /** The backend answers and every worker runs. */
        UP,
        /** The backend does not answer, or a worker is not running or not fetching. */
        DOWN
    }

    /**
     * One worker's part of the report.
     *
     * @param name the worker's {@link WorkerOptions#name()}, or {@code null}
     * @param queue the queue it works on
     * @param healthy whether it counts as up
     * @param health its state, last fetch and counts
     */
    public record WorkerReport(String name, String queue, boolean healthy, WorkerHealth health) {
        public WorkerReport {
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(health, "health");
        }
    }

    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
        workers = List.copyOf(workers);
    }

    /** True when {@link #status()} is {@link Status#UP}. */
    public boolean isUp() {
        return status == Status.UP;
    }

    /**
     * The report as plain values (strings, numbers, lists and maps) for a JSON health endpoint:
     * {@code status}, {@code backend} ({@code UP}/{@code DOWN}), {@code backendLastAnswer},
     * {@code backendError} (only when set) and {@code workers}, each with {@code name}, {@code queue},
     * {@code status}, {@code state}, {@code lastFetch}, {@code activeJobs}, {@code concurrency},
     * {@code completed} and {@code failed}. Absent values are left out.
     */
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", status.name());
        d.put("backend", backendReachable ? "UP" : "DOWN");
        putIfSet(d, "backendLastAnswer", lastBackendAnswer);
        putIfSet(d, "backendError", lastError);
        List<Map<String, Object>> list = new ArrayList<>();
        for (WorkerReport w : workers) {
            Map<String, Object> m = new LinkedHashMap<>();
            putIfSet(m, "name", w.name());
            m.put("queue", w.queue());
            m.put("status", w.healthy() ? "UP" : "DOWN");
            m.put("state", w.health().state().name());
            putIfSet(m, "lastFetch", w.health().lastFetchAt());
            m.put("activeJobs", w.health().activeJobs());
            m.put("concurrency", w.health().concurrency());
            m.put("completed", w.health().completed());
            m.put("failed", w.health().failed());
            list.add(m);
        }
        d.put("workers", list);
        return d;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof Instant ? value.toString() : value);
        }
    }
}
