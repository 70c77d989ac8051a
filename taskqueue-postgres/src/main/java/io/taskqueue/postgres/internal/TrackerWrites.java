package io.taskqueue.postgres.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/**
 * Stores buffered writes: one transaction per batch, kinds in their fixed order. The two writes every
 * job makes (enqueued, completed) go as multi-row statements over arrays ({@code *_rows.sql}), one
 * statement per kind however large the batch; the rarer kinds go as one JDBC batch per kind.
 *
 * <p>A multi-row upsert may not touch a row twice, and rows of one statement do not see each other,
 * so a statement takes at most one write per job; a job's further writes of the same kind go in
 * following statements, in the order they were buffered. Each write so has the effect it would have
 * had alone.
 */
final class TrackerWrites {
    /** How a parameter travels in a multi-row statement. */
    private enum Col {
        TEXT, UUID, INT, BIGINT, MICROS
    }

    /** A kind's multi-row statement: its SQL and its array parameters, in order. */
    private record Rows(String sql, Map<String, Col> columns) {
    }

    private final Jdbi jdbi;
    private final Map<TrackerWrite.Kind, String> sql = new EnumMap<>(TrackerWrite.Kind.class);
    private final Map<TrackerWrite.Kind, Rows> rows = new EnumMap<>(TrackerWrite.Kind.class);

    TrackerWrites(Jdbi jdbi, Sql statements) {
        this.jdbi = jdbi;
        for (TrackerWrite.Kind kind : TrackerWrite.Kind.values()) {
            sql.put(kind, statements.of(TrackerWrites.class, kind.sqlName()));
        }
        Map<String, Col> enqueued = new LinkedHashMap<>();
        enqueued.put("taskId", Col.TEXT);
        enqueued.put("executionId", Col.UUID);
        enqueued.put("queueName", Col.TEXT);
        enqueued.put("jobId", Col.TEXT);
        enqueued.put("jobName", Col.TEXT);
        enqueued.put("maxAttempts", Col.INT);
        enqueued.put("enqueuedAt", Col.MICROS);
        enqueued.put("metadata", Col.TEXT);
        enqueued.put("now", Col.MICROS);
        rows.put(TrackerWrite.Kind.ENQUEUED, new Rows(statements.of(TrackerWrites.class, "enqueued_rows"), enqueued));
        Map<String, Col> completed = new LinkedHashMap<>();
        completed.put("taskId", Col.TEXT);
        completed.put("executionId", Col.UUID);
        completed.put("queueName", Col.TEXT);
        completed.put("jobId", Col.TEXT);
        completed.put("jobName", Col.TEXT);
        completed.put("attempt", Col.INT);
        completed.put("maxAttempts", Col.INT);
        completed.put("enqueuedAt", Col.MICROS);
        completed.put("startedAt", Col.MICROS);
        completed.put("processTime", Col.BIGINT);
        completed.put("result", Col.TEXT);
        completed.put("retryCount", Col.INT);
        completed.put("now", Col.MICROS);
        rows.put(TrackerWrite.Kind.COMPLETED, new Rows(statements.of(TrackerWrites.class, "completed_rows"), completed));
    }

    void store(List<TrackerWrite> writes) {
        Map<TrackerWrite.Kind, List<TrackerWrite>> byKind = new EnumMap<>(TrackerWrite.Kind.class);
        for (TrackerWrite w : writes) {
            byKind.computeIfAbsent(w.kind(), k -> new ArrayList<>()).add(w);
        }
        jdbi.useTransaction(h -> {
            for (Map.Entry<TrackerWrite.Kind, List<TrackerWrite>> e : byKind.entrySet()) {
                Rows multi = rows.get(e.getKey());
                if (multi != null) {
                    storeRows(h, multi, e.getValue());
                    continue;
                }
                PreparedBatch batch = h.prepareBatch(sql.get(e.getKey()));
                for (TrackerWrite w : e.getValue()) {
                    batch.add(w.params());
                }
                batch.execute();
            }
        });
    }

    /** One statement per round; a round holds the first write not yet stored of each job. */
    private static void storeRows(Handle h, Rows multi, List<TrackerWrite> writes) {
        List<TrackerWrite> todo = writes;
        while (!todo.isEmpty()) {
            Map<List<Object>, TrackerWrite> round = new LinkedHashMap<>();
            List<TrackerWrite> later = new ArrayList<>(0);
            for (TrackerWrite w : todo) {
                if (round.putIfAbsent(List.of(w.params().get("queueName"), w.params().get("jobId")), w) != null) {
                    later.add(w);
                }
            }
            Update update = h.createUpdate(multi.sql());
            for (Map.Entry<String, Col> c : multi.columns().entrySet()) {
                update.bind(c.getKey(), column(round.values(), c.getKey(), c.getValue()));
            }
            update.execute();
            todo = later;
        }
    }

    private static Object column(Iterable<TrackerWrite> writes, String name, Col type) {
        List<Object> values = new ArrayList<>();
        for (TrackerWrite w : writes) {
            Object v = w.params().get(name);
            values.add(v == null ? null : switch (type) {
                case TEXT -> (String) v;
                case UUID -> (UUID) v;
                case INT -> ((Number) v).intValue();
                case BIGINT -> ((Number) v).longValue();
                case MICROS -> io.taskqueue.postgres.internal.Rows.micros(((OffsetDateTime) v).toInstant());
            });
        }
        return switch (type) {
            case TEXT -> values.toArray(new String[0]);
            case UUID -> values.toArray(new UUID[0]);
            case INT -> values.toArray(new Integer[0]);
            case BIGINT, MICROS -> values.toArray(new Long[0]);
        };
    }
}
