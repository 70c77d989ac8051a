package io.taskqueue.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.cli.Cli;
import io.taskqueue.cli.TaskqueueCli;
import org.junit.jupiter.api.Test;

/**
 * What the job commands refuse before they reach a backend: command lines that do not parse (exit 2).
 * The URL names no backend that could be opened, so each error proves nothing was sent.
 */
class JobCommandLineTest {
    private static final String NOWHERE = "nosuch://h:1";

    private static Cli.Result run(String... args) {
        return Cli.create().env("TASKQUEUE_URL", NOWHERE).run(args);
    }

    private static void assertUsage(Cli.Result r, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(r.err()).as(r.toString()).startsWith("taskqueue: " + message + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void statesAreBullmqNames() {
        assertUsage(run("job", "ls", "emails", "--state", "broken"),
                "Invalid value for option '--state': unknown state 'broken' (one of: waiting, prioritized, delayed,"
                        + " active, waiting-children, completed, failed)");
        assertUsage(run("job", "ls", "emails", "--state", "unknown"),
                "Invalid value for option '--state': unknown state 'unknown' (one of: waiting, prioritized, delayed,"
                        + " active, waiting-children, completed, failed)");
        assertUsage(run("job", "ls", "emails"), "Missing required option: '--state=STATE'");
    }

    @Test
    void pagingOptionsAreChecked() {
        assertUsage(run("job", "ls", "emails", "--state", "failed", "--limit", "0"), "--limit must lie in [1, 1000]: 0");
        assertUsage(run("job", "ls", "emails", "--state", "failed", "--limit", "1001"),
                "--limit must lie in [1, 1000]: 1001");
        assertUsage(run("job", "ls", "emails", "--state", "failed", "--cursor", "x"),
                "invalid --cursor 'x': pass the cursor printed after the previous page");
        assertUsage(run("job", "ls", "emails", "--state", "failed", "--cursor", "-3"),
                "invalid --cursor '-3': pass the cursor printed after the previous page");
    }

    @Test
    void readsOpenTheBackend() {
        Cli.Result r = run("job", "show", "emails", "7", "--read-only");
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err()).startsWith("taskqueue: cannot open nosuch://h:1");
    }

    @Test
    void failedReasonsAreCutToTheirFirstLine() {
        assertThat(Texts.trim("boom", 10)).isEqualTo("boom");
        assertThat(Texts.trim("boom\n\tat x.y(Z.java:1)", 10)).isEqualTo("boom…");
        assertThat(Texts.trim("0123456789abc", 10)).isEqualTo("012345678…");
        assertThat(Texts.trim("boom\n", 10)).isEqualTo("boom");
        assertThat(Texts.trim(null, 10)).isNull();
    }
}
