package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.MutableClock;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tracker has one clock for its life: the task queue's once installed, or a tool's when standalone. */
@ExtendWith(PostgresExtension.class)
class StandaloneIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aToolReadsAndDryRunsOnItsOwnClockButCannotReplayOrBeInstalled(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            JobQueue queue = f.queue("tools");
            f.worker("tools", Handlers.builder().on("work", ctx -> {
                throw new IllegalStateException("bad state");
            }).build());
            f.tracker.enqueue(queue, "tools:1", "work", 1);
            DeadLetterFilter filter = DeadLetterFilter.queue("tools");
            await().atMost(WAIT).until(() -> {
                f.flush();
                return f.deadLetters().count(filter) == 1;
            });

            MutableClock toolClock = MutableClock.startingNow();
            TaskTracker tool = f.standalone(toolClock);
            assertThat(tool.deadLetters().list(filter, null, 10).items()).hasSize(1);
            assertThat(tool.history().stuck(Duration.ofMinutes(1), 10)).isEmpty();
            assertThat(tool.deadLetters().replayAll(filter, 10, true).replayedCount()).isEqualTo(1);
            assertThat(tool.health()).isEqualTo(TrackerBinding.NO_WRITE_PATH);
            assertThatThrownBy(() -> tool.deadLetters().replayAll(filter, 10, false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("extension(tracker)");
            assertThatThrownBy(() -> tool.enqueue(queue, "tools:2", "work", 2))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("standalone");
            // Nothing changed: the dead letter is still there for the installed tracker to replay.
            assertThat(f.deadLetters().count(filter)).isEqualTo(1);

            assertThatThrownBy(() -> TaskQueue.builder().backend("memory:").extension(tool).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("own clock");
        }
    }

    @Test
    void aTrackerNotYetInstalledSaysHowToInstallIt(PostgresTestSchema schema) {
        try (TaskTracker tracker = TaskTracker.create(schema.dataSource())) {
            assertThatThrownBy(tracker::history).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TaskQueue.builder().extension(tracker)");
            assertThat(tracker.flush(Duration.ofSeconds(1))).isTrue();
        }
    }
}
