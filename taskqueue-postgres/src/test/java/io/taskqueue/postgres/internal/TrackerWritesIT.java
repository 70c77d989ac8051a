package io.taskqueue.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.postgres.Migrations;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The multi-row write statements: a whole batch in one statement per kind, with the effect of one by one. */
@ExtendWith(PostgresExtension.class)
class TrackerWritesIT {

    @Test
    void aBatchWithSeveralWritesOfOneJobStoresEachInOrder(PostgresTestSchema schema) {
        Migrations.apply(schema.dataSource());
        Jdbi jdbi = Jdbi.create(schema.dataSource());
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        TrackerWrites writes = new TrackerWrites(jdbi, new Sql(new Tables(null)));
        Instant t0 = Instant.parse("2026-01-01T00:00:00.123456Z");

        List<TrackerWrite> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(enqueued("job-" + i, t0));
        }
        // job-0 enqueued twice (the earlier time wins), job-1 completed twice (the later result wins,
        // no "cannot affect row a second time"), job-2 completed without an enqueue write.
        batch.add(enqueued("job-0", t0.minusSeconds(1)));
        batch.add(completed("job-1", "\"first\"", t0.plusSeconds(1)));
        batch.add(completed("job-1", "\"second\"", t0.plusSeconds(2)));
        batch.add(completed("job-x", "{\"a\":1}", t0.plusSeconds(3)));
        for (int i = 3; i < 300; i++) {
            batch.add(completed("job-" + i, null, t0.plusSeconds(4)));
        }
        writes.store(batch);

        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(
                "SELECT job_id, task_id, status, enqueued_at, completed_at, CAST(result AS text) AS result,"
                        + " process_time FROM task_trackers ORDER BY job_id").mapToMap().list());
        assertThat(rows).hasSize(301);
        Map<String, Map<String, Object>> byJob = new HashMap<>();
        rows.forEach(r -> byJob.put((String) r.get("job_id"), r));
        assertThat(byJob.get("job-0")).containsEntry("status", "queued");
        assertThat(((java.sql.Timestamp) byJob.get("job-0").get("enqueued_at")).toInstant())
                .isEqualTo(t0.minusSeconds(1));
        assertThat(byJob.get("job-1")).containsEntry("status", "completed").containsEntry("result", "\"second\"");
        assertThat(((java.sql.Timestamp) byJob.get("job-1").get("completed_at")).toInstant())
                .isEqualTo(t0.plusSeconds(2));
        assertThat(byJob.get("job-x")).containsEntry("status", "completed").containsEntry("task_id", "q:job-x")
                .containsEntry("result", "{\"a\": 1}").containsEntry("process_time", 7L);
        assertThat(byJob.get("job-2")).containsEntry("status", "queued");
        assertThat(byJob.get("job-299")).containsEntry("status", "completed").containsEntry("task_id", "q:job-299");
        assertThat(((java.sql.Timestamp) byJob.get("job-299").get("enqueued_at")).toInstant()).isEqualTo(t0);
    }

    private static TrackerWrite enqueued(String jobId, Instant at) {
        Map<String, Object> p = new HashMap<>();
        p.put("taskId", "q:" + jobId);
        p.put("executionId", UUID.randomUUID());
        p.put("queueName", "q");
        p.put("jobId", jobId);
        p.put("jobName", "work");
        p.put("maxAttempts", 3);
        p.put("enqueuedAt", Rows.ts(at));
        p.put("metadata", null);
        p.put("now", Rows.ts(at));
        p.put("attempt", 1);
        return new TrackerWrite(TrackerWrite.Kind.ENQUEUED, p);
    }

    private static TrackerWrite completed(String jobId, String result, Instant at) {
        Map<String, Object> p = new HashMap<>();
        p.put("taskId", "q:" + jobId);
        p.put("executionId", UUID.randomUUID());
        p.put("queueName", "q");
        p.put("jobId", jobId);
        p.put("jobName", "work");
        p.put("attempt", 1);
        p.put("maxAttempts", 3);
        p.put("enqueuedAt", Rows.ts(at.minusSeconds(10)));
        p.put("startedAt", Rows.ts(at.minusMillis(7)));
        p.put("processTime", 7L);
        p.put("result", result);
        p.put("retryCount", 0);
        p.put("now", Rows.ts(at));
        return new TrackerWrite(TrackerWrite.Kind.COMPLETED, p);
    }
}
