package io.taskqueue.postgres;

import io.taskqueue.postgres.internal.MigrationScripts;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tracker's schema: numbered up-migrations, one statement each, kept on the class path under
 * {@code io/taskqueue/postgres/migration/}.
 *
 * <p>{@link #apply(DataSource, String)} (which {@link TaskTracker} calls on start unless told not to)
 * runs the missing ones in one transaction under a Postgres advisory lock scoped to the schema, and
 * records each in {@code task_tracker_migrations}, so any number of processes may start at once:
 * the first applies, the others wait and then find nothing to do. A configured schema that does not
 * exist is created first, under the same lock. Host apps with their own migration tool take
 * {@link #all()} or {@link #script()} instead and set {@link TaskTrackerOptions#migrate()} to false.
 */
public final class Migrations {
    private Migrations() {
    }

    /** Every migration, in order. */
    public static List<Migration> all() {
        return MigrationScripts.all();
    }

    /** The latest version. */
    public static int latestVersion() {
        return MigrationScripts.latestVersion();
    }

    /** Every migration as one script, statements ended by {@code ;}, for host migration tools. */
    public static String script() {
        StringBuilder script = new StringBuilder();
        for (Migration m : all()) {
            script.append("-- ").append(String.format("%03d", m.version())).append(' ').append(m.name())
                    .append('\n').append(m.sql().strip()).append(";\n\n");
        }
        return script.toString();
    }

    /**
     * Brings the schema of {@code dataSource}'s connections (the first of their {@code search_path}
     * that exists) up to date; returns the versions it applied (empty when another process got there
     * first). Never closes the data source.
     */
    public static List<Integer> apply(DataSource dataSource) {
        return apply(dataSource, null);
    }

    /**
     * Brings {@code schema} up to date, creating it if it does not exist ({@code null}: the
     * connections' own schema, as {@link #apply(DataSource)}); returns the versions it applied.
     * Never closes the data source.
     */
    public static List<Integer> apply(DataSource dataSource, String schema) {
        TaskTrackerOptions.checkSchema(schema);
        return MigrationScripts.apply(dataSource, schema);
    }
}
