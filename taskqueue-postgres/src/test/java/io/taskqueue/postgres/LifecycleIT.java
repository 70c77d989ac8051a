package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.ErrorCategory;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class LifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void retryChainOfFailFailSucceedShowsThreeExecutionsInOrder(PostgresTestSchema schema) throws Exception {
        // "dev_chain" is the queue "chain" in a dev environment: task ids leave the prefix out.
        TaskTrackerOptions options = TaskTrackerOptions.builder().environmentPrefixes(List.of("dev_")).build();
        try (TrackerFixture f = TrackerFixture.create(schema, options)) {
            JobQueue queue = f.queue("dev_chain");
            f.worker("dev_chain", Handlers.builder().on("work", ctx -> {
                if (ctx.attempt() < 3) {
                    throw new IOException("flaky upstream link, attempt " + ctx.attempt());
                }
                return Map.of("matchedJobs", 2, "appFileId", "f-1");
            }).build());
            String taskId = f.tracker.taskId(queue.name(), "c-42", "o-1001");
            assertThat(taskId).isEqualTo("chain:c-42:o-1001");

            EnqueueResult r = f.tracker.enqueue(queue, taskId, "work", Map.of("log", "02220710"),
                    JobOptions.builder().attempts(3).build(), Map.of("source", "import-7"));
            assertThat(r.outcome()).isEqualTo(EnqueueResult.Outcome.ENQUEUED);

            await().atMost(WAIT).until(() -> {
                f.flush();
                List<TaskExecution> c = f.history().retryChain(taskId);
                return c.size() == 3 && c.get(2).status() == TaskStatus.COMPLETED;
            });
            List<TaskExecution> chain = f.history().retryChain(taskId);
            assertThat(chain).extracting(TaskExecution::status)
                    .containsExactly(TaskStatus.FAILED, TaskStatus.FAILED, TaskStatus.COMPLETED);
            assertThat(chain).extracting(TaskExecution::attempt).containsExactly(1, 2, 3);
            assertThat(chain).extracting(TaskExecution::retryCount).containsExactly(1, 2, 2);
            assertThat(chain).extracting(TaskExecution::executionId).doesNotHaveDuplicates()
                    .first().isEqualTo(r.executionId());
            assertThat(chain.get(0).errorCategory()).isEqualTo(ErrorCategory.TRANSIENT.name());
            assertThat(chain.get(0).errorMessage()).contains("attempt 1");
            assertThat(chain.get(0).errorStack()).contains("IOException");
            assertThat(chain.get(0).metadataJson()).contains("import-7");
            assertThat(chain.get(2).resultJson()).contains("appFileId");
            assertThat(chain.get(2).processTimeMillis()).isNotNull();
            assertThat(chain.get(0).canRetry()).isTrue();
            assertThat(chain).allSatisfy(e -> assertThat(e.enqueuedAt()).isNotNull());
            assertThat(f.history().queueStats("dev_chain"))
                    .containsEntry(TaskStatus.FAILED, 2L).containsEntry(TaskStatus.COMPLETED, 1L);
            assertThat(f.history().failuresByCategory("dev_chain")).containsEntry("transient", 2L);
        }
    }

    @Test
    void exhaustedAttemptsBecomeDeadLetterAndReplayToCompletion(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            AtomicBoolean broken = new AtomicBoolean(true);
            JobQueue queue = f.queue("jobs");
            f.worker("jobs", Handlers.builder().on("work", ctx -> {
                if (broken.get()) {
                    throw new IllegalStateException("inconsistent data");
                }
                return "done";
            }).build());
            String taskId = TaskIds.taskId("jobs", 12345, "user1", "process");
            f.tracker.enqueue(queue, taskId, "work", Map.of("id", 12345), JobOptions.builder().attempts(2).build(),
                    null);

            await().atMost(WAIT).until(() -> {
                f.flush();
                return f.deadLetters().count(DeadLetterFilter.queue("jobs")) == 1;
            });
            DeadLetter letter = f.deadLetters().list(DeadLetterFilter.queue("jobs"), null, 10).items().get(0);
            assertThat(letter.execution().status()).isEqualTo(TaskStatus.DLQ);
            assertThat(letter.execution().errorCategory()).isEqualTo(ErrorCategory.PROCESSING.name());
            assertThat(letter.execution().errorMessage()).contains("inconsistent data");
            assertThat(letter.payloadJson()).contains("12345");
            assertThat(letter.attempts()).extracting(TaskExecution::status)
                    .containsExactly(TaskStatus.FAILED, TaskStatus.DLQ);

            broken.set(false);
            ReplayResult replay = f.deadLetters().replay(letter.execution().executionId());
            assertThat(replay.replayedCount()).isEqualTo(1);
            UUID replayed = replay.entries().get(0).newExecutionId();

            await().atMost(WAIT).until(() -> {
                f.flush();
                return f.history().execution(replayed).map(e -> e.status() == TaskStatus.COMPLETED).orElse(false);
            });
            List<TaskExecution> chain = f.history().retryChain(taskId);
            assertThat(chain).extracting(TaskExecution::status)
                    .containsExactly(TaskStatus.FAILED, TaskStatus.ARCHIVED, TaskStatus.COMPLETED);
            assertThat(chain.get(1).replayedTo()).isEqualTo(replayed);
            assertThat(chain.get(2).replays()).isEqualTo(1);
            assertThat(f.deadLetters().count(DeadLetterFilter.queue("jobs"))).isZero();
            // A replay of an entry that already left the queue does nothing.
            assertThat(f.deadLetters().replay(letter.execution().executionId())
                    .entries().get(0).action()).isEqualTo(ReplayResult.Action.SKIPPED);
        }
    }

    @Test
    void replayOfARangeReplaysExactlyThatRange(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema, TaskTrackerOptions.defaults(),
                b -> b.errorClassifier(AppErrors.classifier()))) {
            AtomicBoolean broken = new AtomicBoolean(true);
            JobQueue queue = f.queue("imports");
            f.worker("imports", Handlers.builder().on("work", ctx -> {
                if (broken.get()) {
                    throw new AppErrors.UpstreamException("unavailable");
                }
                return "ok";
            }).build());
            for (int i = 0; i < 6; i++) {
                f.tracker.enqueue(queue, TaskIds.taskId("imports", "batch-1", "file-" + i), "work",
                        Map.of("log", i));
            }
            DeadLetterFilter filter = DeadLetterFilter.queue("imports");
            await().atMost(WAIT).until(() -> {
                f.flush();
                return f.deadLetters().count(filter) == 6;
            });
            List<UUID> before = ids(f.deadLetters().range(filter, 0, 5));
            assertThat(before).hasSize(6);

            ReplayResult dry = f.deadLetters().replayRange(filter, 1, 3, true);
            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.entries()).extracting(ReplayResult.Entry::deadLetter).containsExactlyElementsOf(before.subList(1, 4));
            assertThat(f.deadLetters().count(filter)).isEqualTo(6);

            broken.set(false);
            ReplayResult result = f.deadLetters().replayRange(filter, 1, 3, false);
            assertThat(result.entries()).extracting(ReplayResult.Entry::deadLetter)
                    .containsExactlyElementsOf(before.subList(1, 4));
            assertThat(result.replayedCount()).isEqualTo(3);
            Set<UUID> remaining = Set.copyOf(ids(f.deadLetters().range(filter, 0, 100)));
            assertThat(remaining).containsExactlyInAnyOrder(before.get(0), before.get(4), before.get(5));
            await().atMost(WAIT).until(() -> {
                f.flush();
                return f.history().queueStats("imports").get(TaskStatus.COMPLETED) == 3;
            });
            assertThat(f.history().failuresByCategory(null)).containsEntry(AppErrors.UPSTREAM.name(), 3L);
        }
    }

    private static List<UUID> ids(List<DeadLetter> letters) {
        return letters.stream().map(l -> l.execution().executionId()).collect(Collectors.toList());
    }
}
