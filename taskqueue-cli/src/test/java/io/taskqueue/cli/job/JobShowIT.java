package io.taskqueue.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskqueue.Backoff;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
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
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code job show} on Redis: a job that failed once and then completed, in both formats. */
@ExtendWith(RedisExtension.class)
class JobShowIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Runs job {@code welcome-ada}: attempt 1 fails with a two-line message, attempt 2 completes. */
    private static Job failOnceThenComplete(JobFixture f) {
        JobQueue queue = f.queue("mail");
        Handlers handlers = Handlers.builder().on("send", ctx -> {
            ctx.log("attempt " + ctx.attempt());
            ctx.updateProgress(ctx.attempt() * 50);
            if (ctx.attempt() == 1) {
                throw new IllegalStateException("SMTP 451: try again later\nsecond line");
            }
            return Map.of("messageId", "m-1");
        }).build();
        String id = queue.add("send", new TreeMap<>(Map.of("to", "ada@example.com", "tags", List.of(1, 2.5))),
                JobOptions.builder().jobId("welcome-ada").attempts(3).backoff(Backoff.fixed(Duration.ofMillis(10)))
                        .removeOnComplete(KeepJobs.count(100)).timeout(Duration.ofMinutes(1)).keepLogs(50)
                        .stackTraceLimit(10).build());
        try (Worker worker = f.taskQueue().worker("mail").handlers(handlers)
                .options(WorkerOptions.builder().name("mailer-1").drainDelay(Duration.ofMillis(100)).build())
                .build().start()) {
            return queue.awaitFinished(id, PATIENCE);
        }
    }

    @Test
    void theJsonHasEverythingInTheDocumentedShape(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            Job job = failOnceThenComplete(f);
            Cli.Result r = f.cli("--json", "job", "show", "mail", "welcome-ada");
            assertThat(r.status()).as(r.toString()).isZero();
            JsonNode shown = JsonShapes.parse(r.out());
            JsonShapes.assertMatches(shown, "job show", "$.data", "$.progress", "$.returnValue");

            assertThat(shown.get("stacktrace")).hasSize(1);
            assertThat(shown.get("stacktrace").get(0).asText())
                    .startsWith("java.lang.IllegalStateException: SMTP 451: try again later\nsecond line\n\tat ");
            ((ObjectNode) shown).remove("stacktrace");
            assertThat(shown).isEqualTo(JsonShapes.parse("""
                    {"queue": "mail", "id": "welcome-ada", "name": "send", "state": "completed",
                     "data": {"to": "ada@example.com", "tags": [1, 2.5]},
                     "options": {"jobId": "welcome-ada", "delayMillis": 0, "priority": 0, "lifo": false, "attempts": 3,
                                 "backoff": {"type": "fixed", "delayMillis": 10, "jitter": 0.0},
                                 "removeOnComplete": {"count": 100, "ageMillis": null, "limit": 0},
                                 "removeOnFail": null, "timeoutMillis": 60000, "keepLogs": 50, "stackTraceLimit": 10,
                                 "deduplication": null, "group": null},
                     "timestamp": %d, "delayMillis": %d, "priority": 0, "processedOn": %d, "finishedOn": %d,
                     "attemptsMade": 2, "attemptsStarted": 2, "stalledCounter": 0, "progress": 100,
                     "returnValue": {"messageId": "m-1"}, "failedReason": "SMTP 451: try again later\\nsecond line",
                     "deferredFailure": null, "processedBy": "mailer-1", "parentKey": null,
                     "logs": ["attempt 1", "attempt 2"]}
                    """.formatted(job.timestamp(), job.delayMillis(), job.processedOn(), job.finishedOn())));
        }
    }

    @Test
    void peopleGetTheFieldsThenIndentedJsonThenTracesAndLogs(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            Job job = failOnceThenComplete(f);
            Cli.Result r = f.cli("job", "show", "mail", "welcome-ada");
            assertThat(r.status()).as(r.toString()).isZero();
            String trace = job.stacktrace().get(0).stripTrailing().indent(2).stripTrailing();
            assertThat(r.out()).isEqualTo("""
                    job welcome-ada of queue mail
                      name             send
                      state            completed
                      created          %s
                      delay            %d ms
                      priority         0
                      processed on     %s
                      finished on      %s
                      attempts         2 made, 2 started, 3 allowed
                      stalled          0 times
                      processed by     mailer-1
                      parent           -
                      deferred failure -
                    data:
                      {
                        "tags" : [ 1, 2.5 ],
                        "to" : "ada@example.com"
                      }
                    options:
                      {
                        "jobId" : "welcome-ada",
                        "delayMillis" : 0,
                        "priority" : 0,
                        "lifo" : false,
                        "attempts" : 3,
                        "backoff" : {
                          "type" : "fixed",
                          "delayMillis" : 10,
                          "jitter" : 0.0
                        },
                        "removeOnComplete" : {
                          "count" : 100,
                          "ageMillis" : null,
                          "limit" : 0
                        },
                        "removeOnFail" : null,
                        "timeoutMillis" : 60000,
                        "keepLogs" : 50,
                        "stackTraceLimit" : 10,
                        "deduplication" : null,
                        "group" : null
                      }
                    progress:
                      100
                    result:
                      {
                        "messageId" : "m-1"
                      }
                    failed reason:
                      SMTP 451: try again later
                      second line
                    stack traces, oldest first (1):
                      #1
                    %s
                    logs (2):
                      attempt 1
                      attempt 2
                    """.formatted(Texts.exactTime(job.timestamp()), job.delayMillis(), Texts.exactTime(job.processedOn()),
                    Texts.exactTime(job.finishedOn()), trace));
        }
    }

    @Test
    void anUnknownIdIsAClearError(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            f.queue("mail").add("send", Map.of());
            Cli.Result r = f.cli("job", "show", "mail", "nope");
            assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("taskqueue: job nope not found in queue mail" + System.lineSeparator());
            assertThat(f.queue("mail").getState("nope")).isEqualTo(JobState.UNKNOWN);
        }
    }
}
