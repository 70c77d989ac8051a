package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the tracker's commands decide before they reach a database: where it is, and that a write
 * under {@code --read-only} is refused before a connection is even tried (the URL here leads nowhere,
 * so any attempt would fail with a connection error instead).
 */
class TrackerCommandsWithoutDatabaseTest {
    private static final String NOWHERE = "postgres://ops:hunter2@127.0.0.1:1/app";

    @Test
    void withoutADatabaseTheErrorSaysHowToGiveOne() {
        Cli.Result r = Cli.create().run("dlq", "ls");
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isEqualTo("taskqueue: no tracker database: pass --db"
                + " (e.g. postgres://user@localhost:5432/app) or set TASKQUEUE_DB_URL");
    }

    @Test
    void aUrlThatIsNotPostgresIsOneLineWithoutThePassword() {
        Cli.Result r = Cli.create().env(DatabaseOptions.URL_VARIABLE, "mysql://root:hunter2@h/app").run("tracker", "stats");
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip().lines()).singleElement().asString()
                .startsWith("taskqueue: not a Postgres URL: mysql://root:***@h/app");
        assertThat(r.out() + r.err()).doesNotContain("hunter2");
    }

    @Test
    void aSchemaThatIsNotAPlainIdentifierIsRefused() {
        Cli.Result r = Cli.create().run("dlq", "ls", "--db", NOWHERE, "--schema", "x; drop table y");
        assertThat(r.err().strip()).isEqualTo("taskqueue: --schema must be a plain identifier (letters, digits, _):"
                + " x; drop table y");
    }

    @Test
    void readOnlyRefusesWritesBeforeConnecting() {
        for (List<String> write : List.of(List.of("migrate"),
                List.of("dlq", "archive", "6f1c1d9e-8a5e-4a51-9d3e-0b3f2c1a7e42"),
                List.of("dlq", "replay", "6f1c1d9e-8a5e-4a51-9d3e-0b3f2c1a7e42", "--yes"),
                List.of("dlq", "replay", "--all", "--yes"),
                List.of("dlq", "purge", "--older-than", "7d", "--yes"))) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--read-only"),
                    java.util.stream.Stream.concat(write.stream(), java.util.stream.Stream.of("--db", NOWHERE)))
                    .toArray(String[]::new);
            Cli.Result r = Cli.create().run(args);
            assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(r.err()).as(write.toString()).startsWith("taskqueue: read-only: refusing to ");
        }
        // The same read goes on to the database, and fails there: the URL above really leads nowhere.
        Cli.Result read = Cli.create().run("--read-only", "dlq", "ls", "--db", NOWHERE);
        assertThat(read.err().strip()).startsWith("taskqueue: cannot connect to the tracker database"
                + " postgres://ops:***@127.0.0.1:1/app: ").doesNotContain("hunter2");
        assertThat(read.err().strip().lines()).hasSize(1);
    }
}
