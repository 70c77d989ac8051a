package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every command shares: exit codes, one-line errors, the backend URL, confirmation, read-only. */
class CliBasicsTest {
    @Test
    void helpAndVersionExitZero() {
        Cli.Result help = Cli.create().run("--help");
        assertThat(help.status()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Usage: taskqueue", "queue");
        assertThat(Cli.create().run("--version").out()).contains("taskqueue");
    }

    @Test
    void aCommandLineThatDoesNotParseExitsTwoWithTheReason() {
        Cli.Result r = Cli.create().run("queue", "nonsense");
        assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(r.err()).contains("taskqueue: ").contains("nonsense");
    }

    @Test
    void withoutABackendTheErrorSaysHowToGiveOne() {
        Cli.Result r = Cli.create().run("queue", "ls");
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isEqualTo(
                "taskqueue: no backend: pass --url (e.g. redis://localhost:6379) or set TASKQUEUE_URL");
    }

    @Test
    void aWrongUrlIsOneLineWithoutThePassword() {
        Cli.Result r = Cli.create().env(CliContext.URL_VARIABLE, "nosuch://admin:s3cret@h:1").run("queue", "ls");
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err()).startsWith("taskqueue: cannot open nosuch://admin:***@h:1").doesNotContain("s3cret");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void anEmptyBackendListsNoQueuesInBothFormats() {
        Cli.Result table = Cli.create().run("--url", "memory:", "queue", "ls");
        assertThat(table.status()).as(table.toString()).isZero();
        assertThat(table.out()).startsWith("QUEUE");
        Cli.Result json = Cli.create().run("--url", "memory:", "--json", "queue", "ls");
        assertThat(json.out().strip()).isEqualTo("[ ]");
    }
}
