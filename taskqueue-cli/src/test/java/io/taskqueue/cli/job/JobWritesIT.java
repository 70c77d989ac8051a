package io.taskqueue.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.JsonShapes;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code job add}, and {@code retry}, {@code cancel}, {@code promote}, {@code remove} of one job, on Redis. */
@ExtendWith(RedisExtension.class)
class JobWritesIT {
    private static final String NL = System.lineSeparator();

    private static void assertOk(Cli.Result r, String out) {
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(out + NL);
        assertThat(r.err()).isEmpty();
    }

    private static void assertFails(Cli.Result r, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err()).isEqualTo("taskqueue: " + message + NL);
    }

    @Test
    void addPrintsTheIdAndStoresTheDataAsGiven(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("mail");
            assertOk(f.cli("job", "add", "mail", "send", "--data", "{\"to\": \"ada@example.com\", \"n\": 1.25}"), "1");
            Job plain = queue.getJob("1").orElseThrow();
            assertThat(plain.dataJson()).isEqualTo("{\"to\":\"ada@example.com\",\"n\":1.25}");
            assertThat(plain.options()).isEqualTo(JobOptions.defaults());
            assertThat(queue.getState("1")).isEqualTo(JobState.WAITING);

            assertOk(f.cli("job", "add", "mail", "send", "--data", "[1,2]", "--priority", "7", "--attempts", "3"), "2");
            Job prioritized = queue.getJob("2").orElseThrow();
            assertThat(prioritized.options().priority()).isEqualTo(7);
            assertThat(prioritized.options().attempts()).isEqualTo(3);
            assertThat(queue.getState("2")).isEqualTo(JobState.PRIORITIZED);

            assertOk(f.cli("job", "add", "mail", "send", "--data", "null", "--delay", "5m"), "3");
            assertThat(queue.getJob("3").orElseThrow().delayMillis()).isEqualTo(Duration.ofMinutes(5).toMillis());
            assertThat(queue.getState("3")).isEqualTo(JobState.DELAYED);

            Cli.Result json = f.cli("--json", "job", "add", "mail", "welcome", "--data", "{}", "--job-id", "welcome-ada");
            assertThat(JsonShapes.parse(json.out())).isEqualTo(JsonShapes.parse(
                    "{\"queue\": \"mail\", \"id\": \"welcome-ada\", \"action\": \"added\", \"state\": \"waiting\"}"));
            assertOk(f.cli("job", "add", "mail", "welcome", "--data", "{\"again\": true}", "--job-id", "welcome-ada"),
                    "welcome-ada");
            assertThat(queue.getJob("welcome-ada").orElseThrow().dataJson()).isEqualTo("{}");
        }
    }

    @Test
    void badJsonAddsNothing(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            Cli.Result r = f.cli("job", "add", "mail", "send", "--data", "{to: 1}");
            assertThat(r.status()).isEqualTo(TaskqueueCli.USAGE);
            assertThat(r.err()).startsWith("taskqueue: Invalid value for option '--data': not valid JSON: Unexpected"
                    + " character ('t' (code 116)): was expecting double-quote to start field name at column 2" + NL);
            try (var redis = f.redis()) {
                assertThat(redis.call("KEYS", prefix.pattern())).isEqualTo(List.of());
            }
        }
    }

    @Test
    void retryMovesAFailedOrCompletedJobBackToWait(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("mail");
            String failed = queue.add("send", Map.of());
            queue.cancel(failed);
            String waiting = queue.add("send", Map.of());

            assertOk(f.cli("job", "retry", "mail", failed), "retried job 1 (was failed, now waiting)");
            assertThat(queue.getState(failed)).isEqualTo(JobState.WAITING);
            assertFails(f.cli("job", "retry", "mail", waiting),
                    "cannot retry job 2 of queue mail: it is waiting, not failed or completed");
            assertFails(f.cli("job", "retry", "mail", "404"), "job 404 not found in queue mail");

            queue.cancel(failed);
            Cli.Result json = f.cli("--json", "job", "retry", "mail", failed);
            assertThat(JsonShapes.parse(json.out())).isEqualTo(JsonShapes.parse(
                    "{\"queue\": \"mail\", \"id\": \"1\", \"action\": \"retried\", \"state\": \"waiting\"}"));
        }
    }

    @Test
    void cancelFailsAWaitingJobAndRefusesAFinishedOne(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("mail");
            String id = queue.add("send", Map.of());
            assertOk(f.cli("job", "cancel", "mail", id), "cancelled job 1 (was waiting, now failed)");
            assertThat(queue.getJob(id).orElseThrow().failedReason()).isEqualTo("cancelled");
            assertFails(f.cli("job", "cancel", "mail", id),
                    "cannot cancel job 1 of queue mail: it is failed, not waiting, delayed or active");
            assertFails(f.cli("job", "cancel", "mail", "404"), "job 404 not found in queue mail");
        }
    }

    @Test
    void promoteRunsADelayedJobNow(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("mail");
            String id = queue.add("send", Map.of(), JobOptions.builder().delay(Duration.ofHours(1)).build());
            assertOk(f.cli("job", "promote", "mail", id), "promoted job 1 (now waiting)");
            assertThat(queue.getState(id)).isEqualTo(JobState.WAITING);
            assertFails(f.cli("job", "promote", "mail", id), "cannot promote job 1 of queue mail: it is waiting, not delayed");
            assertFails(f.cli("job", "promote", "mail", "404"), "job 404 not found in queue mail");
        }
    }

    @Test
    void removeAsksFirst(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            JobQueue queue = f.queue("mail");
            String id = queue.add("send", Map.of());

            assertFails(f.cli("job", "remove", "mail", id), "refusing to remove job 1 (send, waiting) from queue mail"
                    + " without a terminal to confirm it: pass --yes");
            Cli.Result no = f.cliAtTerminal("n\n", "job", "remove", "mail", id);
            assertFails(no, "cancelled: did not remove job 1 (send, waiting) from queue mail");
            assertThat(no.out()).isEqualTo("About to remove job 1 (send, waiting) from queue mail. Continue? [y/N] ");
            assertThat(queue.getState(id)).isEqualTo(JobState.WAITING);

            Cli.Result yes = f.cliAtTerminal("y\n", "job", "remove", "mail", id);
            assertThat(yes.status()).as(yes.toString()).isZero();
            assertThat(yes.out()).isEqualTo("About to remove job 1 (send, waiting) from queue mail. Continue? [y/N] "
                    + "removed job 1" + NL);
            assertThat(queue.getJob(id)).isEmpty();

            assertFails(f.cli("job", "remove", "mail", id, "--yes"), "job 1 not found in queue mail");
        }
    }

    @Test
    void aJobAWorkerHoldsIsNotRemoved(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix); var redis = f.redis()) {
            JobQueue queue = f.queue("mail");
            String id = queue.add("send", Map.of());
            redis.call("SET", f.key("mail", id + ":lock"), "a-worker's-token");
            assertFails(f.cli("job", "remove", "mail", id, "--yes"),
                    "cannot remove job 1 of queue mail: a worker holds its lock; try again when it has finished");
            assertThat(queue.getState(id)).isEqualTo(JobState.WAITING);
        }
    }

    @Test
    void readOnlyChangesNothingAndStillReadsAndDryRuns(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix); var redis = f.redis()) {
            JobQueue queue = f.queue("mail");
            String failed = queue.add("send", Map.of());
            queue.cancel(failed);
            String delayed = queue.add("send", Map.of(), JobOptions.builder().delay(Duration.ofHours(1)).build());
            String waiting = queue.add("send", Map.of());
            Object before = redis.call("KEYS", prefix.pattern());
            Object eventsBefore = redis.call("XLEN", f.key("mail", "events"));

            List<List<String>> writes = List.of(
                    List.of("job", "add", "mail", "send", "--data", "{}"),
                    List.of("job", "retry", "mail", failed),
                    List.of("job", "retry", "mail", "--state", "failed", "--yes"),
                    List.of("job", "cancel", "mail", waiting),
                    List.of("job", "promote", "mail", delayed),
                    List.of("job", "remove", "mail", waiting, "--yes"),
                    List.of("job", "remove", "mail", "--state", "waiting", "--yes"));
            for (List<String> write : writes) {
                List<String> args = new java.util.ArrayList<>(List.of("--read-only"));
                args.addAll(write);
                Cli.Result r = f.cli(args.toArray(String[]::new));
                assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
                assertThat(r.err()).startsWith("taskqueue: read-only: refusing to ");
            }
            assertThat(redis.call("KEYS", prefix.pattern())).isEqualTo(before);
            assertThat(redis.call("XLEN", f.key("mail", "events"))).isEqualTo(eventsBefore);
            assertThat(queue.counts(JobState.WAITING, JobState.DELAYED, JobState.FAILED)).isEqualTo(
                    Map.of(JobState.WAITING, 1L, JobState.DELAYED, 1L, JobState.FAILED, 1L));

            assertOk(f.cli("--read-only", "job", "retry", "mail", "--state", "failed", "--dry-run"),
                    "would retry 1 failed job of queue mail (dry run: nothing changed)");
            assertThat(f.cli("--read-only", "job", "show", "mail", failed).status()).isZero();
        }
    }
}
