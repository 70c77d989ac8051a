package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.servers.PostgresServer;
import io.taskqueue.testing.junit.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A database that cannot be used is one line saying why, never with the password in it. */
@ExtendWith(PostgresExtension.class)
class DatabaseErrorsIT {
    @Test
    void aWrongPasswordSaysSoWithoutThePassword(PostgresServer server) throws Exception {
        try (PasswordRole role = PasswordRole.create(server)) {
            String wrong = role.password() + "-typo";
            Cli.Result inUrl = Cli.create().run("tracker", "stats", "--db", role.url(wrong));
            assertThat(inUrl.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(inUrl.err().strip()).isEqualTo("taskqueue: cannot connect to the tracker database "
                    + role.url("***") + ": FATAL: password authentication failed for user \"" + role.name() + "\"");
            assertThat(inUrl.out() + inUrl.err()).doesNotContain(wrong);

            Cli.Result inEnv = Cli.create().env(DatabaseOptions.URL_VARIABLE, role.url(null))
                    .env(DatabaseOptions.PASSWORD_VARIABLE, wrong).run("tracker", "stats");
            assertThat(inEnv.err().strip()).isEqualTo("taskqueue: cannot connect to the tracker database "
                    + role.url(null) + ": FATAL: password authentication failed for user \"" + role.name() + "\"");
            assertThat(inEnv.out() + inEnv.err()).doesNotContain(wrong);

            // The right password gets in: the failure above was the password's.
            Cli.Result right = Cli.create().env(DatabaseOptions.PASSWORD_VARIABLE, role.password())
                    .run("migrate", "--status", "--db", role.url(null));
            assertThat(right.status()).as(right.toString()).isZero();
        }
    }

    @Test
    void aDatabaseThatDoesNotExistOrAPortWithoutServerIsOneLine(PostgresServer server) {
        String missing = TrackerDb.url(server).replaceFirst("/postgres(\\?|$)", "/no_such_db$1");
        Cli.Result noDb = Cli.create().env(DatabaseOptions.PASSWORD_VARIABLE, server.password())
                .run("tracker", "stats", "--db", missing);
        assertThat(noDb.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(noDb.err().strip()).isEqualTo("taskqueue: cannot connect to the tracker database " + missing
                + ": FATAL: database \"no_such_db\" does not exist");

        Cli.Result noServer = Cli.create().run("tracker", "stats", "--db", "postgres://ops:hunter2@127.0.0.1:1/app");
        assertThat(noServer.err().strip().lines()).singleElement().asString().startsWith(
                "taskqueue: cannot connect to the tracker database postgres://ops:***@127.0.0.1:1/app: Connection to"
                        + " 127.0.0.1:1 refused");
        assertThat(noServer.err()).doesNotContain("hunter2");
    }
}
