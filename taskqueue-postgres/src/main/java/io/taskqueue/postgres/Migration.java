package io.taskqueue.postgres;

import java.util.Objects;

/**
 * One schema change of the tracker: a single SQL statement with no schema name in it (it applies
 * to the first schema of the connection's {@code search_path}).
 *
 * @param version the order in which migrations apply, from 1
 * @param name a short description, e.g. {@code create_task_trackers}
 * @param sql the statement
 */
public record Migration(int version, String name, String sql) {
    public Migration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
    }
}
