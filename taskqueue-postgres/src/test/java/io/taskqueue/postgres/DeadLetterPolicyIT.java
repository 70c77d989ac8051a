package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.ErrorCategory;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DeadLetterPolicyIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void categoryPoliciesReplayArchiveOrKeepAndDryRunChangesNothing(PostgresTestSchema schema) throws Exception {
        // The application's category gets the application's policy; the others keep their defaults.
        TaskTrackerOptions options = TaskTrackerOptions.builder().deadLetterPolicy(DeadLetterPolicy.builder()
                .category(AppErrors.UPSTREAM.name(), CategoryPolicy.replayAfter(Duration.ofMinutes(15))).build())
                .build();
        try (TrackerFixture f = TrackerFixture.create(schema, options, b -> b.errorClassifier(AppErrors.classifier()))) {
            JobQueue queue = f.queue("mixed");
            f.worker("mixed", Handlers.builder().on("work", ctx -> {
                String kind = ctx.job().dataJson().replace("\"", "");
                switch (kind) {
                    case "transient": throw new IOException("timeout");
                    case "validation": throw new IllegalArgumentException("missing field");
                    case "processing": throw new RuntimeException("bad state");
                    case "infrastructure": throw new SQLException("disk full", "53100");
                    default: throw new AppErrors.UpstreamException("boom");
                }
            }).build());
            for (String kind : new String[] {"transient", "validation", "processing", "infrastructure", "upstream"}) {
                f.tracker.enqueue(queue, TaskIds.taskId("mixed", kind), "work", kind);
            }
            DeadLetterFilter all = DeadLetterFilter.queue("mixed");
            await().atMost(WAIT).until(() -> {
                f.flush();
                return f.deadLetters().count(all) == 5;
            });
            ReplayResult dry = f.deadLetters().applyPolicies(all, true);
            assertThat(byTask(dry)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "mixed:transient", ReplayResult.Action.REPLAYED,
                    "mixed:validation", ReplayResult.Action.ARCHIVED,
                    "mixed:processing", ReplayResult.Action.KEPT,
                    "mixed:infrastructure", ReplayResult.Action.REPLAYED,
                    "mixed:upstream", ReplayResult.Action.REPLAYED));
            assertThat(delay(dry, "mixed:infrastructure")).isEqualTo(Duration.ofMinutes(1));
            assertThat(delay(dry, "mixed:upstream")).isEqualTo(Duration.ofMinutes(15));
            assertThat(f.deadLetters().count(all)).isEqualTo(5);

            // Seen by a tool three hours on, a transient failure is past its 2-hour window and is kept.
            TaskTracker threeHoursOn = f.standalone(Clock.offset(Clock.systemUTC(), Duration.ofHours(3)));
            assertThat(byTask(threeHoursOn.deadLetters().applyPolicies(all, true)))
                    .containsEntry("mixed:transient", ReplayResult.Action.KEPT);

            ReplayResult applied = f.deadLetters().applyPolicies(all, false);
            assertThat(applied.replayedCount()).isEqualTo(3);
            assertThat(applied.archivedCount()).isEqualTo(1);
            assertThat(f.deadLetters().list(all, null, 10).items())
                    .extracting(d -> d.execution().taskId()).contains("mixed:processing");
            // Two delayed replays wait in the queue; the archived ones can be purged later.
            assertThat(queue.counts(JobState.DELAYED)).containsEntry(JobState.DELAYED, 2L);
            assertThat(f.deadLetters().purgeArchived(Duration.ofDays(7))).isZero();
            TaskTracker weekOn = f.standalone(Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));
            assertThat(weekOn.deadLetters().purgeArchived(Duration.ofDays(7))).isEqualTo(4);
        }
    }

    @Test
    void listsPageByCursorAndArchiveTakesOneOut(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            JobQueue queue = f.queue("paged");
            f.worker("paged", Handlers.builder().on("work", ctx -> {
                throw new IllegalArgumentException("bad");
            }).build());
            for (int i = 0; i < 7; i++) {
                f.tracker.enqueue(queue, TaskIds.taskId("paged", i), "work", i);
            }
            DeadLetterFilter filter = DeadLetterFilter.queue("paged").withCategory(ErrorCategory.VALIDATION.name());
            await().atMost(WAIT).until(() -> {
                f.flush();
                return f.deadLetters().count(filter) == 7;
            });
            DeadLetterPage first = f.deadLetters().list(filter, null, 3);
            DeadLetterPage second = f.deadLetters().list(filter, first.next(), 3);
            DeadLetterPage third = f.deadLetters().list(filter, second.next(), 3);
            assertThat(first.items()).hasSize(3);
            assertThat(second.items()).hasSize(3);
            assertThat(third.items()).hasSize(1);
            assertThat(third.next()).isNull();

            var id = first.items().get(0).execution().executionId();
            assertThat(f.deadLetters().archive(id)).isTrue();
            assertThat(f.deadLetters().archive(id)).isFalse();
            assertThat(f.deadLetters().count(filter)).isEqualTo(6);
            assertThat(f.deadLetters().count(filter.withArchived(true))).isEqualTo(7);
            assertThat(f.deadLetters().inspect(id).orElseThrow().execution().status())
                    .isEqualTo(TaskStatus.ARCHIVED);
        }
    }

    @Test
    void stuckExecutionsAndReconciliationAgainstTheQueue(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            JobQueue queue = f.queue("recon");
            EnqueueResult kept = f.tracker.enqueue(queue, "recon:1", "work", 1);
            EnqueueResult removed = f.tracker.enqueue(queue, "recon:2", "work", 2);
            // The tracker believes both run (claimed by hand), but no worker ever took them.
            assertThat(f.tracker.claim(kept.taskId(), kept.executionId())).isTrue();
            assertThat(f.tracker.claim(removed.taskId(), removed.executionId())).isTrue();
            assertThat(queue.remove(removed.jobId())).isTrue();

            TaskTracker hourOn = f.standalone(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));
            assertThat(hourOn.history().stuck(Duration.ofMinutes(30), 10)).extracting(TaskExecution::taskId)
                    .containsExactlyInAnyOrder("recon:1", "recon:2");
            assertThat(f.history().stuck(Duration.ofMinutes(30), 10)).isEmpty();
            assertThat(f.history().reconcile(queue, Duration.ZERO))
                    .extracting(o -> o.execution().taskId(), Orphan::queueState)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("recon:1", JobState.WAITING),
                            org.assertj.core.groups.Tuple.tuple("recon:2", JobState.UNKNOWN));
        }
    }

    private static Map<String, ReplayResult.Action> byTask(ReplayResult result) {
        return result.entries().stream().collect(Collectors.toMap(ReplayResult.Entry::taskId,
                ReplayResult.Entry::action));
    }

    private static Duration delay(ReplayResult result, String taskId) {
        return result.entries().stream().filter(e -> e.taskId().equals(taskId)).findFirst().orElseThrow().delay();
    }
}
