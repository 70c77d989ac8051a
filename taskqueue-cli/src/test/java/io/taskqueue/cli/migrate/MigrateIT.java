package io.taskqueue.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.cli.TrackerDb;
import io.taskqueue.postgres.Migration;
import io.taskqueue.postgres.Migrations;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code taskqueue migrate}: an empty schema is told to migrate, shows every migration pending, then applies them once. */
@ExtendWith(PostgresExtension.class)
class MigrateIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEmptySchemaIsMigratedOnceAndItsStatusShowsIt(PostgresTestSchema schema) throws Exception {
        try (TrackerDb db = TrackerDb.on(schema)) {
            String where = TrackerDb.url(db.server()) + " (schema " + schema.name() + ")";
            Cli.Result notYet = db.cli().run(db.args("tracker", "stats"));
            assertThat(notYet.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(notYet.err().strip()).isEqualTo("taskqueue: no task tracker tables in " + where
                    + ": run taskqueue migrate --schema " + schema.name() + " first");

            List<Migration> all = Migrations.all();
            Cli.Result pending = db.cli().run(db.args("migrate", "--status"));
            assertThat(pending.status()).as(pending.toString()).isZero();
            assertThat(pending.out().lines()).hasSize(all.size() + 1);
            assertThat(pending.out().lines().findFirst().orElseThrow().split(" {2,}"))
                    .containsExactly("VERSION", "NAME", "STATE", "APPLIED AT");
            assertThat(pending.out().lines().skip(1).map(l -> l.split(" {2,}")))
                    .allSatisfy(row -> assertThat(row[2]).isEqualTo("pending"));
            assertThat(pending.out().lines().skip(1).map(l -> l.split(" {2,}")[1]))
                    .containsExactlyElementsOf(all.stream().map(Migration::name).toList());

            Cli.Result readOnly = db.cli().run(db.args("--read-only", "migrate"));
            assertThat(readOnly.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(readOnly.err().strip()).isEqualTo("taskqueue: read-only: refusing to migrate the task tracker's"
                    + " tables in " + where + " (run without --read-only to change anything)");

            Cli.Result applied = db.cli().run(db.args("migrate"));
            assertThat(applied.status()).as(applied.toString()).isZero();
            assertThat(applied.out().strip()).isEqualTo("applied versions 1.." + all.size() + " to " + where
                    + " (now at version " + all.size() + ")");

            JsonNode status = JSON.readTree(db.cli().run(db.args("--json", "migrate", "--status")).out());
            assertThat(status.get("latestVersion").asInt()).isEqualTo(Migrations.latestVersion());
            assertThat(status.get("migrations")).hasSize(all.size())
                    .allSatisfy(m -> assertThat(m.get("applied").asBoolean()).isTrue())
                    .allSatisfy(m -> assertThat(m.get("appliedAt").asText()).isNotBlank());
            assertThat(status.at("/migrations/0/name").asText()).isEqualTo(all.get(0).name());

            JsonNode again = JSON.readTree(db.cli().run(db.args("--json", "migrate")).out());
            assertThat(again.get("applied")).isEmpty();
            assertThat(again.get("version").asInt()).isEqualTo(all.size());
            assertThat(db.cli().run(db.args("migrate")).out().strip()).isEqualTo(where + " is up to date (version "
                    + all.size() + ")");
            assertThat(db.cli().run(db.args("tracker", "stats")).status()).isZero();

            // Tables a version behind this taskqueue still serve, with a note on what to run.
            try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM task_tracker_migrations WHERE version = " + Migrations.latestVersion());
            }
            Cli.Result behind = db.cli().run(db.args("tracker", "stats"));
            assertThat(behind.status()).as(behind.toString()).isZero();
            assertThat(behind.err().strip()).isEqualTo("taskqueue: note: the tracker's tables are at version "
                    + (all.size() - 1) + " of " + all.size() + "; run taskqueue migrate");
        }
    }
}
