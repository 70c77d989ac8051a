package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.TaskExecution;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The read side: retry chains, statistics, stuck and processing executions. */
public final class TrackerQueries {
    private final Jdbi jdbi;
    private final Sql sql;

    public TrackerQueries(Jdbi jdbi, Sql sql) {
        this.jdbi = jdbi;
        this.sql = sql;
    }

    public List<TaskExecution> retryChain(String taskId) {
        return jdbi.withHandle(h -> h.createQuery(sql("retry_chain")).bind("taskId", taskId)
                .map(Rows.EXECUTION).list());
    }

    public Optional<TaskExecution> find(UUID executionId) {
        return jdbi.withHandle(h -> h.createQuery(sql("find_execution")).bind("executionId", executionId)
                .map(Rows.EXECUTION).findOne());
    }

    /** Counts by stored name (status or category). */
    public Map<String, Long> statusCounts(String queueName) {
        return counts("status_counts", queueName);
    }

    public Map<String, Long> categoryCounts(String queueName) {
        return counts("category_counts", queueName);
    }

    public long duplicatesPrevented(String queueName) {
        return single("duplicates_prevented", queueName);
    }

    public long tasksWithSeveralExecutions(String queueName) {
        return single("tasks_with_several_executions", queueName);
    }

    public List<TaskExecution> stuck(Instant startedBefore, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("stuck")).bind("before", Rows.ts(startedBefore))
                .bind("limit", limit).map(Rows.EXECUTION).list());
    }

    public List<TaskExecution> processingInQueue(String queueName, long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("processing_in_queue")).bind("queueName", queueName)
                .bind("afterId", afterId).bind("limit", limit).map(Rows.EXECUTION).list());
    }

    private Map<String, Long> counts(String name, String queueName) {
        return jdbi.withHandle(h -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            h.createQuery(sql(name)).bind("queueName", queueName)
                    .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getLong("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    private long single(String name, String queueName) {
        return jdbi.withHandle(h -> h.createQuery(sql(name)).bind("queueName", queueName).mapTo(Long.class).one());
    }

    private String sql(String name) {
        return sql.of(TrackerQueries.class, name);
    }
}
