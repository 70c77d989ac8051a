package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.ErrorCategory;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tracker installed on a task queue on a real Redis, with a real worker: what it records comes
 * from the Redis backend's job snapshots (ids, attempts, start times) and the worker's verdicts, not
 * from a hand-built job. Everything is read back through the tracker's API and held against the
 * queue's own view of the same jobs.
 */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class TrackerOnRedisIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void completionsRetriesDeadLettersAndDuplicatesAreRecordedFromARedisWorker(PostgresTestSchema schema,
            RedisServer redis, RedisTestPrefix prefix) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(schema.dataSource());
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config);
                TaskTracker tracker = TaskTracker.create(pool, TaskTrackerOptions.defaults());
                TaskQueue tq = TaskQueue.builder().backend(redis.uri() + "?prefix=" + prefix.value())
                        .errorClassifier(AppErrors.classifier()).extension(tracker).build();
                JobQueue queue = tq.queue("tracked")) {
            String okTask = tracker.taskId("tracked", "order", 1);
            String flakyTask = tracker.taskId("tracked", "order", 2);
            String doomedTask = tracker.taskId("tracked", "order", 3);
            JobOptions threeAttempts = JobOptions.builder().attempts(3).build();
            EnqueueResult ok = tracker.enqueue(queue, okTask, "work", Map.of("kind", "ok"));
            EnqueueResult again = tracker.enqueue(queue, okTask, "work", Map.of("kind", "ok"));
            EnqueueResult flaky = tracker.enqueue(queue, flakyTask, "work", Map.of("kind", "flaky"), threeAttempts,
                    null);
            EnqueueResult doomed = tracker.enqueue(queue, doomedTask, "work", Map.of("kind", "doomed"),
                    JobOptions.builder().attempts(2).build(), Map.of("source", "batch-9"));

            // The duplicate was turned away before anything reached Redis: one job for the task.
            assertThat(ok.outcome()).isEqualTo(EnqueueResult.Outcome.ENQUEUED);
            assertThat(again.outcome()).isEqualTo(EnqueueResult.Outcome.DUPLICATE);
            assertThat(again.executionId()).isEqualTo(ok.executionId());
            assertThat(again.jobId()).isEqualTo(ok.jobId());
            assertThat(queue.counts(JobState.WAITING)).containsEntry(JobState.WAITING, 3L);

            Handlers handlers = Handlers.builder().on("work", ctx -> {
                Map<?, ?> data = (Map<?, ?>) ctx.data();
                switch (String.valueOf(data.get("kind"))) {
                    case "flaky" -> {
                        if (ctx.attempt() == 1) {
                            throw new AppErrors.UpstreamException("upstream busy");
                        }
                        if (ctx.attempt() == 2) {
                            throw new IOException("connection reset");
                        }
                        return Map.of("attempt", ctx.attempt());
                    }
                    case "doomed" -> throw new IllegalStateException("inconsistent order 3");
                    default -> {
                        return Map.of("matched", 7);
                    }
                }
            }).build();
            try (Worker worker = tq.worker("tracked").handlers(handlers)
                    .options(WorkerOptions.builder().concurrency(2).build()).build().start()) {
                await().atMost(WAIT).until(() -> {
                    flush(tracker);
                    return tracker.history().queueStats("tracked").getOrDefault(TaskStatus.COMPLETED, 0L) == 2
                            && tracker.deadLetters().count(DeadLetterFilter.queue("tracked")) == 1;
                });
            }

            // Each execution names the Redis job it ran as; the queue agrees on the attempts.
            List<TaskExecution> okChain = tracker.history().retryChain(okTask);
            assertThat(okChain).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(TaskStatus.COMPLETED);
                assertThat(e.executionId()).isEqualTo(ok.executionId());
                assertThat(e.jobId()).isEqualTo(ok.jobId());
                assertThat(e.attempt()).isEqualTo(1);
                assertThat(json(e.resultJson())).isEqualTo(json("{\"matched\":7}"));
                assertThat(e.processingStartedAt()).isNotNull();
                assertThat(e.duplicatesPrevented()).isEqualTo(1);
            });
            assertThat(tracker.history().duplicates("tracked").enqueuesPrevented()).isEqualTo(1);

            List<TaskExecution> flakyChain = tracker.history().retryChain(flakyTask);
            assertThat(flakyChain).extracting(TaskExecution::status)
                    .containsExactly(TaskStatus.FAILED, TaskStatus.FAILED, TaskStatus.COMPLETED);
            assertThat(flakyChain).extracting(TaskExecution::attempt).containsExactly(1, 2, 3);
            assertThat(flakyChain).extracting(TaskExecution::errorCategory)
                    .containsExactly(AppErrors.UPSTREAM.name(), ErrorCategory.TRANSIENT.name(), null);
            assertThat(flakyChain).extracting(TaskExecution::jobId).containsOnly(flaky.jobId());
            assertThat(flakyChain.get(0).errorMessage()).contains("upstream busy");
            assertThat(json(flakyChain.get(2).resultJson())).isEqualTo(json("{\"attempt\":3}"));
            Job flakyJob = queue.getJob(flaky.jobId()).orElseThrow();
            // As in BullMQ, the completing attempt counts too.
            assertThat(flakyJob.attemptsMade()).isEqualTo(3);
            assertThat(queue.getState(flaky.jobId())).isEqualTo(JobState.COMPLETED);

            DeadLetter letter = tracker.deadLetters().list(DeadLetterFilter.queue("tracked"), null, 10).items().get(0);
            assertThat(letter.execution().taskId()).isEqualTo(doomedTask);
            assertThat(letter.execution().jobId()).isEqualTo(doomed.jobId());
            assertThat(letter.execution().status()).isEqualTo(TaskStatus.DLQ);
            assertThat(letter.execution().attempt()).isEqualTo(2);
            assertThat(letter.execution().errorCategory()).isEqualTo(ErrorCategory.PROCESSING.name());
            assertThat(letter.execution().errorMessage()).contains("inconsistent order 3");
            // The enqueue's metadata stays on the first execution.
            assertThat(json(letter.attempts().get(0).metadataJson())).isEqualTo(json("{\"source\":\"batch-9\"}"));
            assertThat(json(letter.payloadJson())).isEqualTo(json("{\"kind\":\"doomed\"}"));
            assertThat(letter.attempts()).extracting(TaskExecution::status)
                    .containsExactly(TaskStatus.FAILED, TaskStatus.DLQ);
            assertThat(queue.getState(doomed.jobId())).isEqualTo(JobState.FAILED);
            assertThat(queue.getJob(doomed.jobId()).orElseThrow().failedReason()).contains("inconsistent order 3");

            assertThat(tracker.history().queueStats("tracked")).containsEntry(TaskStatus.COMPLETED, 2L)
                    .containsEntry(TaskStatus.FAILED, 3L).containsEntry(TaskStatus.DLQ, 1L);
            assertThat(tracker.history().failuresByCategory("tracked")).isEqualTo(Map.of(
                    "processing", 2L, "transient", 1L, "upstream", 1L));
        }
    }

    /** Postgres stores JSON as jsonb, which respaces it: compare the values. */
    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static void flush(TaskTracker tracker) {
        if (!tracker.flush(Duration.ofSeconds(10))) {
            throw new AssertionError("tracker did not flush: " + tracker.health());
        }
    }
}
