package io.taskqueue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The stats, queue, workers and scheduler commands without a server: usage errors, refusals and an
 * empty in-memory backend (each run opens a new one).
 */
class CliOnMemoryTest {
    private static Cli.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = "memory:";
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.create().run(all);
    }

    @Test
    void statsOfAnEmptyBackend() {
        Cli.Result r = run("stats");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("QUEUE  PAUSED  WAITING  PRIORITIZED  DELAYED  ACTIVE  COMPLETED  FAILED  DONE/MIN"
                + "  DONE/HOUR  FAILED/MIN  FAILED/HOUR  WORKERS\n");
        assertThat(run("--json", "stats").out()).isEqualTo("{\n  \"queues\" : [ ]\n}\n");
        assertThat(run("workers", "ls").out()).isEqualTo("QUEUE  NAME  ID  ADDRESS  CONNECTED SINCE  IDLE\n");
    }

    @Test
    void watchNeedsATerminalAndATable() {
        Cli.Result noTerminal = run("stats", "--watch", "2");
        assertThat(noTerminal.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(noTerminal.err().strip()).isEqualTo("taskqueue: --watch redraws the screen and needs a terminal;"
                + " without one, run 'taskqueue stats' (or 'taskqueue --json stats') at the interval you want");
        Cli.Result json = Cli.create().atTerminal("").run("--url", "memory:", "--json", "stats", "--watch", "2");
        assertThat(json.status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(json.err()).startsWith("taskqueue: --watch redraws a table; it cannot be used with --json\n");
        assertThat(run("stats", "--watch", "0").status()).isEqualTo(TaskqueueCli.USAGE);
    }

    @Test
    void anUnknownQueueIsNamedWithTheCommandThatListsThem() {
        for (String[] args : new String[][] {{"queue", "inspect", "nope"}, {"queue", "pause", "nope"},
            {"scheduler", "ls", "nope"}, {"workers", "ls", "nope"}, {"--yes", "queue", "drain", "nope"}}) {
            Cli.Result r = run(args);
            assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(r.err().strip())
                    .isEqualTo("taskqueue: no queue named 'nope' on in-memory (taskqueue queue ls lists them)");
        }
    }

    @Test
    void badDurationsStatesAndLimitsAreUsageErrors() {
        Cli.Result grace = run("queue", "clean", "q", "--state", "completed", "--grace", "60");
        assertThat(grace.status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(grace.err()).startsWith("taskqueue: Invalid value for option '--grace': '60' has no unit: use e.g."
                + " 500ms, 30s, 15m, 1h, 7d, 1h30m, or ISO-8601 such as PT1H\n").contains("Usage: taskqueue queue clean");
        Cli.Result state = run("queue", "clean", "q", "--state", "done", "--grace", "1h");
        assertThat(state.status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(state.err()).startsWith("taskqueue: Invalid value for option '--state': 'done' is not a job state:"
                + " use completed, failed, waiting, prioritized, delayed, active or waiting-children\n");
        assertThat(run("queue", "clean", "q", "--grace", "1h").status()).isEqualTo(TaskqueueCli.USAGE);
        Cli.Result limit = run("queue", "clean", "q", "--state", "failed", "--grace", "1h", "--limit", "0");
        assertThat(limit.status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(limit.err()).startsWith("taskqueue: --limit must be at least 1: 0\n");
    }

    @Test
    void readOnlyRefusesEveryWriteBeforeOpeningTheBackend() {
        String[][] writes = {{"queue", "pause", "q"}, {"queue", "resume", "q"}, {"queue", "drain", "q"},
            {"queue", "clean", "q", "--state", "failed", "--grace", "1h"}, {"queue", "obliterate", "q"},
            {"scheduler", "remove", "q", "s"}};
        String[] what = {"pause queue q", "resume queue q", "drain queue q", "clean queue q", "obliterate queue q",
            "remove job scheduler s of queue q"};
        for (int i = 0; i < writes.length; i++) {
            // No backend at all: the refusal comes before any connection.
            String[] args = new String[writes[i].length + 2];
            args[0] = "--read-only";
            args[1] = "--yes";
            System.arraycopy(writes[i], 0, args, 2, writes[i].length);
            Cli.Result r = Cli.create().env(CliContext.URL_VARIABLE, "redis://127.0.0.1:1").run(args);
            assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(r.err().strip()).isEqualTo("taskqueue: read-only: refusing to " + what[i]
                    + " (run without --read-only to change anything)");
        }
    }
}
