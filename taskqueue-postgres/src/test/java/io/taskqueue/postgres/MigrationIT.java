package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MigrationIT {

    @Test
    void threeProcessesMigrateTheSameSchemaAtOnceWithoutError(PostgresTestSchema schema) throws Exception {
        List<String> outputs = migrateInThreeProcesses(schema, schema.name(), "search_path");
        // Exactly one process applied everything; the others waited on the lock and found nothing to do.
        assertThat(outputs).filteredOn(o -> o.contains("APPLIED [1, 2, 3, 4, 5, 6, 7, 8, 9]")).hasSize(1);
        assertThat(outputs).filteredOn(o -> o.contains("APPLIED []")).hasSize(2);
        assertThat(query(schema, "SELECT version FROM task_tracker_migrations")).hasSize(Migrations.latestVersion());
    }

    @Test
    void threeProcessesCreateAMissingConfiguredSchemaOnce(PostgresTestSchema schema) throws Exception {
        String missing = schema.name() + "_created";
        try {
            List<String> outputs = migrateInThreeProcesses(schema, missing, "configured");
            assertThat(outputs).filteredOn(o -> o.contains("APPLIED [1, 2, 3, 4, 5, 6, 7, 8, 9]")).hasSize(1);
            assertThat(outputs).filteredOn(o -> o.contains("APPLIED []")).hasSize(2);
            assertThat(schema.server().schemaExists(missing)).isTrue();
            assertThat(query(schema, "SELECT version FROM " + missing + ".task_tracker_migrations"))
                    .hasSize(Migrations.latestVersion());
            // Nothing landed in the connections' own schema.
            assertThat(query(schema, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).isEmpty();
        } finally {
            schema.server().dropSchema(missing);
        }
    }

    @Test
    void aSearchPathNamingNoExistingSchemaFailsWithTheReasonAndTheWayOut(PostgresTestSchema schema) {
        DataSource nowhere = schema.server().dataSource(schema.name() + "_absent");
        assertThatThrownBy(() -> Migrations.apply(nowhere)).isInstanceOf(TrackerException.class)
                .hasMessageContaining(schema.name() + "_absent").hasMessageContaining("TaskTrackerOptions.schema");
    }

    @Test
    void createsTheTableWithItsIndexesAndRejectsADuplicateExecutionId(PostgresTestSchema schema) throws Exception {
        assertThat(Migrations.apply(schema.dataSource())).hasSize(Migrations.latestVersion());
        assertThat(Migrations.apply(schema.dataSource())).isEmpty();
        assertThat(query(schema, "SELECT indexname FROM pg_indexes WHERE tablename = 'task_trackers'"
                + " AND schemaname = current_schema()")).containsExactlyInAnyOrder(
                "task_trackers_pkey", "task_trackers_execution_id_key", "task_trackers_task_id_execution_id_key",
                "task_trackers_queue_status_enqueued_idx", "task_trackers_status_started_idx",
                "task_trackers_category_status_idx", "task_trackers_task_id_idx", "task_trackers_job_attempt_key");
        String id = UUID.randomUUID().toString();
        String insert = "INSERT INTO task_trackers (task_id, execution_id, queue_name, job_id, attempt, status,"
                + " enqueued_at, updated_at) VALUES ('q:1', '" + id + "', 'q', '%s', 1, 'queued', now(), now())";
        execute(schema, String.format(insert, "j1"));
        assertThatThrownBy(() -> execute(schema, String.format(insert, "j2")))
                .isInstanceOf(SQLException.class).hasMessageContaining("task_trackers_execution_id_key");
    }

    @Test
    void scriptHasEveryStatementForHostMigrationTools() {
        String script = Migrations.script();
        assertThat(script).contains("CREATE TABLE task_trackers").contains("task_trackers_job_attempt_key");
        assertThat(script.split(";\n")).hasSize(Migrations.latestVersion() + 1);
    }

    /** Runs {@link MigrateMain} in three JVMs released at one instant; returns what each printed. */
    private static List<String> migrateInThreeProcesses(PostgresTestSchema schema, String target, String mode)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long startAt = System.currentTimeMillis() + 3_000;
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    MigrateMain.class.getName(), schema.server().jdbcUrl(), schema.server().user(), target,
                    Long.toString(startAt), mode).redirectErrorStream(true).start());
        }
        List<String> outputs = new ArrayList<>();
        for (Process p : processes) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            outputs.add(out);
        }
        return outputs;
    }

    private static Set<String> query(PostgresTestSchema schema, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void execute(PostgresTestSchema schema, String sql) throws SQLException {
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

}
