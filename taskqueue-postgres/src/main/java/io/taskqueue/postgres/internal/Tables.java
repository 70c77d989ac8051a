package io.taskqueue.postgres.internal;

import java.util.regex.Pattern;

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

    // Plain identifiers only: the name is spliced into SQL (quoted, so its case is kept).
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public Tables {
        checkSchema(schema);
    }

    /** Throws unless {@code schema} is {@code null} or a plain identifier. */
    public static void checkSchema(String schema) {
        if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a plain identifier (" + IDENTIFIER + "): " + schema);
        }
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
