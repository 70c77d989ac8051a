package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.TaskTrackerOptions;

/**
 * The tracker's table names, built here and nowhere else. With a configured schema every name is
 * qualified with it, so statements do not depend on the connection's {@code search_path}; without
 * one they are bare and the {@code search_path} decides. Statements refer to the tables as
 * {@code <trackers>} and {@code <migrations>} (and to the schema as {@code <schema>}), which
 * {@link #expand} replaces.
 *
 * @param schema the schema, or {@code null} for the connection's own
 */
public record Tables(String schema) {
    /** One execution per row. */
    public static final String TRACKERS = "task_trackers";
    /** The versions of the tracker's schema that were applied. */
    public static final String MIGRATIONS = "task_tracker_migrations";

    public Tables {
        // Checked again here because the name is spliced into SQL.
        TaskTrackerOptions.checkSchema(schema);
    }

    /** The executions table. */
    public String trackers() {
        return qualify(TRACKERS);
    }

    /** The migration versions table. */
    public String migrations() {
        return qualify(MIGRATIONS);
    }

    /** The schema as an SQL identifier; only when one is configured. */
    public String schemaIdentifier() {
        if (schema == null) {
            throw new IllegalStateException("no schema configured");
        }
        return '"' + schema + '"';
    }

    /** {@code sql} with the table (and schema) placeholders replaced. */
    public String expand(String sql) {
        String expanded = sql.replace("<trackers>", trackers()).replace("<migrations>", migrations());
        return expanded.contains("<schema>") ? expanded.replace("<schema>", schemaIdentifier()) : expanded;
    }

    private String qualify(String table) {
        return schema == null ? table : schemaIdentifier() + "." + table;
    }
}
