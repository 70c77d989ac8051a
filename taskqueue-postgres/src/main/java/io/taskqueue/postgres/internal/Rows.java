package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.TaskExecution;
import io.taskqueue.postgres.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Row mapping and time binding, written out by hand: no reflection, so the module needs to open
 * nothing to Jdbi.
 */
public final class Rows {
    /** Maps a {@code task_trackers} row; {@code payload} is read separately where needed. */
    public static final RowMapper<TaskExecution> EXECUTION = (rs, ctx) -> execution(rs);

    private Rows() {
    }

    /** Instants go to Postgres as UTC offsets so {@code timestamptz} never depends on the JVM's zone. */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Microseconds since the epoch (Postgres keeps microseconds; finer digits are cut). */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static TaskExecution execution(ResultSet rs) throws SQLException {
        return new TaskExecution(
                rs.getLong("id"),
                rs.getString("task_id"),
                rs.getObject("execution_id", UUID.class),
                rs.getString("queue_name"),
                rs.getString("job_id"),
                rs.getString("job_name"),
                rs.getInt("attempt"),
                (Integer) rs.getObject("max_attempts"),
                TaskStatus.fromWireName(rs.getString("status")),
                instant(rs, "enqueued_at"),
                instant(rs, "processing_started_at"),
                instant(rs, "completed_at"),
                instant(rs, "failed_at"),
                (Long) rs.getObject("process_time"),
                rs.getString("result"),
                rs.getString("error_message"),
                rs.getString("error_category"),
                rs.getString("error_stack"),
                rs.getInt("retry_count"),
                rs.getString("metadata"),
                rs.getInt("duplicates_prevented"),
                rs.getInt("replays"),
                rs.getObject("replayed_to", UUID.class),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
