package io.taskqueue.cli.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.JsonShapes;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code job retry --state} and {@code job remove --state} on Redis: counts, questions, batches, leftovers. */
@ExtendWith(RedisExtension.class)
class JobBulkIT {
    private static final String NL = System.lineSeparator();

    /** {@code count} failed jobs named a, b, a, b, ... (cancelled: the quickest way to fail a job). */
    private static List<String> failed(JobFixture f, JobQueue queue, int count) {
        List<String> ids = f.add(queue, count, i -> i % 2 == 0 ? "a" : "b");
        ids.forEach(queue::cancel);
        return ids;
    }

    private static List<String> idsIn(JobQueue queue, JobState state) {
        return queue.getJobs(state, 0, -1).stream().map(Job::id).toList();
    }

    @Test
    void retriesTheJobsOfANameBatchByBatch(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("mail");
            List<String> ids = failed(f, queue, 30);

            Cli.Result r = f.cli("job", "retry", "mail", "--state", "failed", "--name", "a", "--yes", "--batch-size", "4");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo("retried 15 of 15 failed jobs named 'a' of queue mail" + NL);
            assertThat(r.err()).isEmpty();
            assertThat(idsIn(queue, JobState.WAITING)).containsExactlyInAnyOrderElementsOf(
                    ids.stream().filter(id -> Integer.parseInt(id) % 2 == 1).toList());
            assertThat(idsIn(queue, JobState.FAILED)).hasSize(15)
                    .allSatisfy(id -> assertThat(Integer.parseInt(id) % 2).isZero());

            Cli.Result json = f.cli("--json", "job", "retry", "mail", "--state", "failed", "--yes", "--batch-size", "4");
            assertThat(JsonShapes.parse(json.out())).isEqualTo(JsonShapes.parse("""
                    {"queue": "mail", "action": "retry", "state": "failed", "name": null, "dryRun": false,
                     "matched": 15, "done": 15, "left": 0, "gone": 0, "scanned": 15}
                    """));
            assertThat(queue.counts(JobState.FAILED, JobState.WAITING)).containsEntry(JobState.FAILED, 0L)
                    .containsEntry(JobState.WAITING, 30L);
        }
    }

    @Test
    void aDryRunCountsAndChangesNothing(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("mail");
            failed(f, queue, 7);

            Cli.Result r = f.cli("job", "remove", "mail", "--state", "failed", "--name", "b", "--dry-run");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo("would remove 3 failed jobs named 'b' of queue mail (dry run: nothing changed)"
                    + NL);
            JsonNode json = JsonShapes.parse(f.cli("--json", "job", "retry", "mail", "--state", "failed", "--name", "a",
                    "--dry-run", "--batch-size", "2").out());
            assertThat(json).isEqualTo(JsonShapes.parse("""
                    {"queue": "mail", "action": "retry", "state": "failed", "name": "a", "dryRun": true,
                     "matched": 4, "done": 0, "left": 0, "gone": 0, "scanned": 7}
                    """));
            assertThat(queue.counts(JobState.FAILED)).containsEntry(JobState.FAILED, 7L);
        }
    }

    @Test
    void asksWithTheCountAndShowsProgressAtATerminal(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("mail");
            failed(f, queue, 30);

            Cli.Result refused = f.cli("job", "retry", "mail", "--state", "failed");
            assertThat(refused.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(refused.err()).isEqualTo("taskqueue: refusing to retry 30 failed jobs of queue mail without a"
                    + " terminal to confirm it: pass --yes" + NL);

            Cli.Result no = f.cliAtTerminal("no\n", "job", "retry", "mail", "--state", "failed");
            assertThat(no.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(no.out()).isEqualTo("About to retry 30 failed jobs of queue mail. Continue? [y/N] ");
            assertThat(no.err()).isEqualTo("taskqueue: cancelled: did not retry 30 failed jobs of queue mail" + NL);
            assertThat(queue.counts(JobState.FAILED)).containsEntry(JobState.FAILED, 30L);

            Cli.Result yes = f.cliAtTerminal("y\n", "job", "retry", "mail", "--state", "failed", "--batch-size", "7");
            assertThat(yes.status()).as(yes.toString()).isZero();
            assertThat(yes.out()).isEqualTo("About to retry 30 failed jobs of queue mail. Continue? [y/N] "
                    + "retried 30 of 30 failed jobs of queue mail" + NL);
            assertThat(yes.err()).contains("retrying 100%").contains("30/30");
            assertThat(queue.counts(JobState.WAITING)).containsEntry(JobState.WAITING, 30L);

            Cli.Result json = f.cliAtTerminal("", "--json", "--yes", "job", "remove", "mail", "--state", "waiting");
            assertThat(json.status()).as(json.toString()).isZero();
            assertThat(json.err()).isEmpty();
            assertThat(JsonShapes.parse(json.out()).get("done").asLong()).isEqualTo(30);
        }
    }

    @Test
    void lockedJobsAreLeftCountedAndSteppedOver(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix); var redis = f.redis()) {
            JobQueue queue = f.queue("mail");
            List<String> ids = f.add(queue, 10, i -> "send");
            for (String locked : List.of(ids.get(0), ids.get(3), ids.get(4), ids.get(9))) {
                redis.call("SET", f.key("mail", locked + ":lock"), "a-worker's-token");
            }

            Cli.Result r = f.cli("job", "remove", "mail", "--state", "waiting", "--yes", "--batch-size", "2");
            assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(r.out()).isEqualTo("removed 6 of 10 waiting jobs of queue mail; 4 left in waiting (locked by a"
                    + " worker or refused)" + NL);
            assertThat(r.err()).isEqualTo("taskqueue: 4 waiting jobs of queue mail could not be removed (locked by a"
                    + " worker or refused)" + NL);
            assertThat(idsIn(queue, JobState.WAITING)).containsExactly(ids.get(0), ids.get(3), ids.get(4), ids.get(9));
        }
    }

    @Test
    void activeJobsOfARunningWorkerStay(RedisServer server, RedisTestPrefix prefix) throws InterruptedException {
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("mail");
            CountDownLatch release = new CountDownLatch(1);
            Handlers handlers = Handlers.builder().on("send", ctx -> {
                release.await();
                return null;
            }).build();
            f.add(queue, 3, i -> "send");
            try (Worker worker = f.taskQueue().worker("mail").handlers(handlers)
                    .options(WorkerOptions.builder().concurrency(3).drainDelay(Duration.ofMillis(100)).build())
                    .build().start()) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> queue.counts(JobState.ACTIVE).get(JobState.ACTIVE) == 3L);

                Cli.Result json = f.cli("--json", "job", "remove", "mail", "--state", "active", "--yes");
                assertThat(json.status()).as(json.toString()).isEqualTo(TaskqueueCli.FAILED);
                assertThat(JsonShapes.parse(json.out())).isEqualTo(JsonShapes.parse("""
                        {"queue": "mail", "action": "remove", "state": "active", "name": null, "dryRun": false,
                         "matched": 3, "done": 0, "left": 3, "gone": 0, "scanned": 3}
                        """));
                assertThat(queue.counts(JobState.ACTIVE)).containsEntry(JobState.ACTIVE, 3L);
                release.countDown();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 3L);
            }
        }
    }

    @Test
    void anEmptyStateIsNothingToDo(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            f.queue("mail").add("send", java.util.Map.of());
            Cli.Result r = f.cli("job", "retry", "mail", "--state", "completed", "--name", "send");
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo("no completed jobs named 'send' in queue mail: nothing to retry" + NL);
        }
    }
}
