package io.taskqueue.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.cli.Cli;
import io.taskqueue.cli.TaskqueueCli;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the job commands refuse before they reach a backend: command lines that do not parse (exit 2)
 * and writes under {@code --read-only} (exit 1). The URL names no backend that could be opened, so
 * each error proves nothing was sent.
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
    void badJsonDataIsAUsageErrorThatSaysWhere() {
        assertUsage(run("job", "add", "emails", "send", "--data", "{\"to\":"),
                "Invalid value for option '--data': not valid JSON: Unexpected end-of-input within/between Object"
                        + " entries at column 7");
        assertUsage(run("job", "add", "emails", "send", "--data", "{} {}"),
                "Invalid value for option '--data': not valid JSON: more than one document (the next starts at"
                        + " column 4)");
        assertUsage(run("job", "add", "emails", "send", "--data", ""),
                "Invalid value for option '--data': empty JSON: give a document such as '{}'");
    }

    @Test
    void badOptionsOfAddAreUsageErrors() {
        assertUsage(run("job", "add", "emails", "send", "--data", "{}", "--delay", "soon"),
                "Invalid value for option '--delay': 'soon' is not a duration: use e.g. 500ms, 30s, 15m,"
                        + " 1h, 7d, 1h30m, or ISO-8601 such as PT1H");
        assertUsage(run("job", "add", "emails", "send", "--data", "{}", "--job-id", "42"),
                "custom job id '42' must not be an integer: integers are automatic ids");
        assertUsage(run("job", "add", "emails", "send", "--data", "{}", "--priority", "-1"),
                "priority must lie in [0, 2097151]: -1");
        assertUsage(run("job", "add", "emails", "send", "--data", "{}", "--attempts", "0"),
                "attempts must be at least 1: 0");
        assertUsage(run("job", "add", "emails", "send"), "Missing required option: '--data=JSON'");
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
    void retryAndRemoveTakeAnIdOrAState() {
        for (String command : List.of("retry", "remove")) {
            assertUsage(run("job", command, "emails"), "give either a job ID or --state STATE");
            assertUsage(run("job", command, "emails", "7", "--state", "failed"), "give either a job ID or --state STATE");
            assertUsage(run("job", command, "emails", "7", "--dry-run"), "--name and --dry-run go with --state");
            assertUsage(run("job", command, "emails", "7", "--name", "send"), "--name and --dry-run go with --state");
            assertUsage(run("job", command, "emails", "--state", "failed", "--batch-size", "0"),
                    "--batch-size must lie in [1, 10000]: 0");
        }
        assertUsage(run("job", "retry", "emails", "--state", "waiting"),
                "only failed or completed jobs can be retried, not --state waiting");
    }

    @Test
    void everyWriteIsRefusedReadOnlyBeforeTheBackendIsOpened() {
        List<List<String>> writes = List.of(
                List.of("job", "add", "emails", "send", "--data", "{}"),
                List.of("job", "retry", "emails", "7"),
                List.of("job", "retry", "emails", "--state", "failed", "--yes"),
                List.of("job", "cancel", "emails", "7"),
                List.of("job", "promote", "emails", "7"),
                List.of("job", "remove", "emails", "7", "--yes"),
                List.of("job", "remove", "emails", "--state", "waiting", "--yes"));
        List<String> what = List.of("add a job to queue emails", "retry job 7 of queue emails",
                "retry the failed jobs of queue emails", "cancel job 7 of queue emails", "promote job 7 of queue emails",
                "remove job 7 of queue emails", "remove the waiting jobs of queue emails");
        for (int i = 0; i < writes.size(); i++) {
            List<String> args = new java.util.ArrayList<>(writes.get(i));
            args.add("--read-only");
            Cli.Result r = run(args.toArray(String[]::new));
            assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(r.err().strip()).isEqualTo("taskqueue: read-only: refusing to " + what.get(i)
                    + " (run without --read-only to change anything)");
        }
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
