package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.TaskExecution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/** Statements of the dead-letter queue: list, count, take out, put back, purge. */
public final class DeadLetterDao {
    private final Jdbi jdbi;
    private final Sql sql;

    public DeadLetterDao(Jdbi jdbi, Sql sql) {
        this.jdbi = jdbi;
        this.sql = sql;
    }

    /** A dead letter's row with its payload. */
    public record Row(TaskExecution execution, String payloadJson) {
    }

    /**
     * Dead letters matching {@code filter} in failure order: after the keyset cursor
     * ({@code afterFailedAt}, {@code afterId}; both {@code null} for the start), skipping
     * {@code offset}, at most {@code limit}.
     */
    public List<Row> list(DeadLetterFilter filter, Instant afterFailedAt, Long afterId, long offset, int limit) {
        return jdbi.withHandle(h -> bindFilter(h.createQuery(sql("list")), filter)
                .bind("afterFailedAt", Rows.ts(afterFailedAt)).bind("afterId", afterId)
                .bind("offset", offset).bind("limit", limit)
                .map((rs, ctx) -> new Row(Rows.execution(rs), rs.getString("payload"))).list());
    }

    /** A dead letter (in the queue or archived) with its payload. */
    public Optional<Row> find(UUID executionId) {
        return jdbi.withHandle(h -> h.createQuery(sql("find")).bind("executionId", executionId)
                .map((rs, ctx) -> new Row(Rows.execution(rs), rs.getString("payload"))).findOne());
    }

    public long count(DeadLetterFilter filter) {
        return jdbi.withHandle(h -> bindFilter(h.createQuery(sql("count")), filter).mapTo(Long.class).one());
    }

    /** Takes a {@code dlq} entry out (archived, linked to {@code replayedTo}); empty if not in the DLQ. */
    public Optional<Row> take(UUID executionId, UUID replayedTo, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(sql("take")).bind("executionId", executionId)
                .bind("replayedTo", replayedTo).bind("now", Rows.ts(now))
                .map((rs, ctx) -> new Row(Rows.execution(rs), rs.getString("payload"))).findOne());
    }

    /** Every execution of the given tasks, grouped by task and oldest first within each. */
    public Map<String, List<TaskExecution>> chains(Collection<String> taskIds) {
        Map<String, List<TaskExecution>> chains = new HashMap<>();
        if (taskIds.isEmpty()) {
            return chains;
        }
        jdbi.useHandle(h -> h.createQuery(sql("chains")).bindArray("taskIds", String.class, List.copyOf(taskIds))
                .map(Rows.EXECUTION)
                .forEach(e -> chains.computeIfAbsent(e.taskId(), k -> new ArrayList<>()).add(e)));
        return chains;
    }

    public void restore(UUID executionId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate(sql("restore")).bind("executionId", executionId)
                .bind("now", Rows.ts(now)).execute());
    }

    public int purge(Instant archivedBefore) {
        return jdbi.withHandle(h -> h.createUpdate(sql("purge")).bind("before", Rows.ts(archivedBefore)).execute());
    }

    private static <S extends SqlStatement<S>> S bindFilter(S statement, DeadLetterFilter f) {
        return statement.bind("queueName", f.queueName())
                .bind("category", f.category())
                .bind("taskIdPrefix", f.taskIdPrefix())
                .bind("failedAfter", Rows.ts(f.failedAfter()))
                .bind("failedBefore", Rows.ts(f.failedBefore()))
                .bind("includeArchived", f.includeArchived());
    }

    private String sql(String name) {
        return sql.of(DeadLetterDao.class, name);
    }
}
