package io.taskqueue.postgres;

import io.taskqueue.postgres.internal.MigrationRunner;
import io.taskqueue.postgres.internal.Sql;
import io.taskqueue.postgres.internal.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

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
    private static final List<String> FILES = List.of(
            "001_create_task_trackers",
            "002_task_trackers_execution_id_key",
            "003_task_trackers_task_id_execution_id_key",
            "004_task_trackers_queue_status_enqueued_idx",
            "005_task_trackers_status_started_idx",
            "006_task_trackers_category_status_idx",
            "007_task_trackers_task_id_idx",
            "008_task_trackers_job_attempt_key",
            "009_task_trackers_error_category_any_name");

    private Migrations() {
    }

    /** Every migration, in order. */
    public static List<Migration> all() {
        List<Migration> migrations = new ArrayList<>(FILES.size());
        for (String file : FILES) {
            int version = Integer.parseInt(file.substring(0, 3));
            migrations.add(new Migration(version, file.substring(4), read(file)));
        }
        return List.copyOf(migrations);
    }

    /** The latest version. */
    public static int latestVersion() {
        return FILES.size();
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
        Objects.requireNonNull(dataSource, "dataSource");
        return new MigrationRunner(Jdbi.create(dataSource), new Sql(new Tables(schema))).apply(all());
    }

    private static String read(String file) {
        String path = "migration/" + file + ".sql";
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + path, e);
        }
    }
}
