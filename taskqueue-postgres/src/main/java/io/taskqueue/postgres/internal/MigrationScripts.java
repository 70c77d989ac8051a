package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.Migration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The tracker's numbered migrations, one statement per file under {@code io/taskqueue/postgres/migration/},
 * and applying them. {@code Migrations} is their public face.
 */
public final class MigrationScripts {
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

    private MigrationScripts() {
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

    /** Brings {@code schema} ({@code null}: the connections' own) up to date; returns the versions applied. */
    public static List<Integer> apply(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new MigrationRunner(Jdbi.create(dataSource), new Sql(new Tables(schema))).apply(all());
    }

    private static String read(String file) {
        String path = "/io/taskqueue/postgres/migration/" + file + ".sql";
        try (InputStream in = MigrationScripts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + path, e);
        }
    }
}
