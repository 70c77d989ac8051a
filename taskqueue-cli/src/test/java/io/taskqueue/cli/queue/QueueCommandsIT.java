package io.taskqueue.cli.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.RedisCli;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code taskqueue queue ...} on a real Redis: what each command prints and what it changes. */
@ExtendWith(RedisExtension.class)
class QueueCommandsIT {
    private RedisCli cli;
    private RedisServer server;
    private RedisTestPrefix prefix;

    @BeforeEach
    void setUp(RedisServer server, RedisTestPrefix prefix) {
        this.cli = new RedisCli(server, prefix);
        this.server = server;
        this.prefix = prefix;
    }

    private static void awaitState(JobQueue queue, String id, JobState state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> queue.getState(id) == state);
    }

    @Test
    void lsAndInspectShowEverythingAboutAQueue() {
        try (TaskQueue tq = cli.taskQueue(); RespClient redis = server.client()) {
            JobQueue emails = tq.queue("emails");
            String ok = emails.add("ok", Map.of());
            String bad = emails.add("bad", Map.of());
            try (Worker worker = tq.worker("emails").handlers(Handlers.builder().on("ok", ctx -> "done").on("bad", ctx -> {
                throw new IllegalStateException("no");
            }).build()).build().start()) {
                awaitState(emails, ok, JobState.COMPLETED);
                awaitState(emails, bad, JobState.FAILED);
            }
            emails.add("send", Map.of("to", "ada"));
            emails.add("send", Map.of("to", "bob"));
            emails.add("send", Map.of(), JobOptions.builder().priority(5).build());
            emails.add("send", Map.of(), JobOptions.builder().delay(Duration.ofHours(1)).build());
            emails.schedulers().upsert("nightly", SchedulerSpec.cron("0 3 * * *").build(), "report", Map.of(), null);
            emails.limits().setGlobalConcurrency(5);
            emails.limits().setGlobalRateLimit(10, Duration.ofSeconds(1));
            emails.limits().setDefaultGroupConcurrency(2);
            emails.pause();
            tq.queue("thumbs").add("resize", Map.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> emails.workers().isEmpty());
            RedisCli.awayFromTheEndOfAMinute();
            String metrics = prefix.key("emails:metrics:completed");
            redis.call("HSET", metrics, "count", "10", "prevTS", Long.toString(System.currentTimeMillis()),
                    "prevCount", "7");
            redis.call("RPUSH", metrics + ":data", "4", "0", "2");

            Cli.Result ls = cli.run("queue", "ls");
            assertThat(ls.status()).as(ls.toString()).isZero();
            assertThat(ls.out()).isEqualTo("""
                    QUEUE   WAITING  PRIORITIZED  DELAYED  ACTIVE  COMPLETED  FAILED
                    emails  2        1            2        0       1          1
                    thumbs  1        0            0        0       0          0
                    """);

            Cli.Result inspect = cli.run("queue", "inspect", "emails");
            assertThat(inspect.status()).as(inspect.toString()).isZero();
            assertThat(inspect.out()).isEqualTo("""
                    Queue:              emails
                    Backend:            %s
                    Paused:             yes
                    Jobs:               waiting 2, prioritized 1, delayed 2, active 0, waiting-children 0, completed 1, failed 1
                    Global concurrency: 5
                    Global rate limit:  10 per 1s
                    Rate limited:       no
                    Group concurrency:  2
                    Group rate limit:   none
                    Groups waiting:     0
                    Schedulers:         1
                    Workers:            0
                    Completed:          4 last minute, 6 last hour, 10 in all
                    Failed:             - (no metrics collected)
                    Capabilities:       PAUSE, MAINTENANCE, JOB_CONTROL, CHECKPOINTS, LIMITS, GROUPS, DEDUPLICATION, SCHEDULERS, FLOWS, METRICS, WORKERS
                    """.formatted(tq.describe()));

            JsonNode json = RedisCli.json(cli.run("--json", "queue", "inspect", "emails"));
            assertThat(json.get("name").asText()).isEqualTo("emails");
            assertThat(json.get("paused").asBoolean()).isTrue();
            assertThat(json.get("counts").toString()).isEqualTo("{\"waiting\":2,\"prioritized\":1,\"delayed\":2,"
                    + "\"active\":0,\"waiting-children\":0,\"completed\":1,\"failed\":1}");
            assertThat(json.get("limits").toString()).isEqualTo("{\"globalConcurrency\":5,\"globalRateLimit\":"
                    + "{\"max\":10,\"durationMillis\":1000},\"rateLimitedForMillis\":0}");
            assertThat(json.get("groupDefaults").toString())
                    .isEqualTo("{\"concurrency\":2,\"rateLimit\":null,\"groupsWaiting\":0}");
            assertThat(json.get("schedulers").asInt()).isEqualTo(1);
            assertThat(json.get("workers").size()).isZero();
            assertThat(json.get("completed").toString()).isEqualTo("{\"lastMinute\":4,\"lastHour\":6,\"total\":10}");
            assertThat(json.get("failed").isNull()).isTrue();
            assertThat(json.get("capabilities")).hasSize(11);
        }
    }

    @Test
    void pauseAndResume() {
        try (TaskQueue tq = cli.taskQueue()) {
            JobQueue emails = tq.queue("emails");
            emails.add("send", Map.of());
            Cli.Result pause = cli.run("queue", "pause", "emails");
            assertThat(pause.status()).as(pause.toString()).isZero();
            assertThat(pause.out()).isEqualTo("paused queue emails\n");
            assertThat(emails.isPaused()).isTrue();
            assertThat(RedisCli.json(cli.run("--json", "queue", "resume", "emails")).toString())
                    .isEqualTo("{\"queue\":\"emails\",\"paused\":false}");
            assertThat(emails.isPaused()).isFalse();
        }
    }

    @Test
    void drainAsksFirstAndDoesNothingUnlessTold() {
        try (TaskQueue tq = cli.taskQueue()) {
            JobQueue emails = tq.queue("emails");
            for (int i = 0; i < 3; i++) {
                emails.add("send", Map.of());
            }
            emails.add("later", Map.of(), JobOptions.builder().delay(Duration.ofHours(1)).build());
            String what = "drain queue emails (remove its 3 waiting and prioritized jobs)";

            Cli.Result noTerminal = cli.run("queue", "drain", "emails");
            assertThat(noTerminal.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(noTerminal.err().strip())
                    .isEqualTo("taskqueue: refusing to " + what + " without a terminal to confirm it: pass --yes");
            assertThat(emails.counts(JobState.WAITING).get(JobState.WAITING)).isEqualTo(3);

            Cli.Result no = cli.atTerminal("n\n", "queue", "drain", "emails");
            assertThat(no.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(no.out()).isEqualTo("About to " + what + ". Continue? [y/N] ");
            assertThat(no.err().strip()).isEqualTo("taskqueue: cancelled: did not " + what);
            assertThat(emails.counts(JobState.WAITING).get(JobState.WAITING)).isEqualTo(3);

            Cli.Result yes = cli.atTerminal("y\n", "queue", "drain", "emails");
            assertThat(yes.status()).as(yes.toString()).isZero();
            assertThat(yes.out()).isEqualTo("About to " + what + ". Continue? [y/N] drained queue emails: 3 jobs removed\n");
            assertThat(emails.counts(JobState.WAITING, JobState.DELAYED))
                    .isEqualTo(Map.of(JobState.WAITING, 0L, JobState.DELAYED, 1L));

            assertThat(RedisCli.json(cli.run("--json", "--yes", "queue", "drain", "emails", "--delayed")).toString())
                    .isEqualTo("{\"queue\":\"emails\",\"delayedIncluded\":true,"
                            + "\"before\":{\"waiting\":0,\"prioritized\":0,\"delayed\":1}}");
            assertThat(emails.counts(JobState.DELAYED).get(JobState.DELAYED)).isZero();
        }
    }

    @Test
    void cleanRemovesTheJobsOlderThanTheGraceUpToTheLimit() {
        try (TaskQueue tq = cli.taskQueue()) {
            JobQueue emails = tq.queue("emails");
            try (Worker worker = tq.worker("emails").handlers(Handlers.builder().on("send", ctx -> null).build())
                    .build().start()) {
                for (int i = 0; i < 5; i++) {
                    awaitState(emails, emails.add("send", Map.of()), JobState.COMPLETED);
                }
            }
            Cli.Result young = cli.run("--yes", "queue", "clean", "emails", "--state", "completed", "--grace", "1h");
            assertThat(young.status()).as(young.toString()).isZero();
            assertThat(young.out()).isEqualTo("cleaned queue emails: 0 completed jobs removed\n");

            Cli.Result two = cli.atTerminal("yes\n", "queue", "clean", "emails", "--state", "completed", "--grace", "0ms",
                    "--limit", "2");
            assertThat(two.status()).as(two.toString()).isZero();
            assertThat(two.out()).isEqualTo("About to clean queue emails (remove up to 2 of its completed jobs older than"
                    + " 0s; 5 are completed). Continue? [y/N] cleaned queue emails: 2 completed jobs removed\n");
            assertThat(emails.counts(JobState.COMPLETED).get(JobState.COMPLETED)).isEqualTo(3);

            assertThat(RedisCli.json(cli.run("--json", "--yes", "queue", "clean", "emails", "--state", "completed",
                    "--grace", "PT0S")).toString())
                    .isEqualTo("{\"queue\":\"emails\",\"state\":\"completed\",\"graceMillis\":0,\"removed\":3}");
            assertThat(emails.counts(JobState.COMPLETED).get(JobState.COMPLETED)).isZero();
        }
    }

    @Test
    void obliterateRefusesActiveJobsUnlessForced() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TaskQueue tq = cli.taskQueue()) {
            JobQueue emails = tq.queue("emails");
            emails.add("other", Map.of());
            Worker worker = tq.worker("emails").handlers(Handlers.builder().on("slow", ctx -> {
                release.await();
                return null;
            }).on("other", ctx -> null).build()).options(WorkerOptions.builder().concurrency(1).build()).build();
            String slow = emails.add("slow", Map.of());
            worker.start();
            awaitState(emails, slow, JobState.ACTIVE);

            Cli.Result refused = cli.run("--yes", "queue", "obliterate", "emails");
            assertThat(refused.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(refused.err().strip()).isEqualTo("taskqueue: queue emails has 1 active jobs: obliterate it"
                    + " with --force (their workers lose them), or wait until they finish");
            assertThat(tq.queueNames()).contains("emails");

            Cli.Result cancelled = cli.atTerminal("\n", "queue", "obliterate", "emails", "--force");
            assertThat(cancelled.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(cancelled.err().strip())
                    .isEqualTo("taskqueue: cancelled: did not obliterate queue emails (delete it and its 2 jobs for good)");

            Cli.Result forced = cli.run("--yes", "queue", "obliterate", "emails", "--force");
            assertThat(forced.status()).as(forced.toString()).isZero();
            assertThat(forced.out()).isEqualTo("obliterated queue emails (2 jobs)\n");
            assertThat(tq.queueNames()).doesNotContain("emails");
            release.countDown();
            worker.close();
        }
    }
}
