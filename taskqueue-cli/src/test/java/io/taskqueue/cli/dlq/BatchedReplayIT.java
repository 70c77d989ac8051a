package io.taskqueue.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.JobQueue;
import io.taskqueue.Worker;
import io.taskqueue.cli.Progress;
import io.taskqueue.cli.TrackerDb;
import io.taskqueue.postgres.DeadLetter;
import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.ReplayResult;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays in batches take each entry once: replayed entries leave the listing, skipped ones stay and
 * are stepped over, and a dry run moves through the listing unchanged.
 */
@ExtendWith(PostgresExtension.class)
class BatchedReplayIT {
    @Test
    void batchesStepOverEntriesThatStayAndStopAtTheCount(PostgresTestSchema schema) throws Exception {
        try (TrackerDb db = TrackerDb.on(schema)) {
            TrackerDb.Tracked tracked = db.tracked("memory:");
            JobQueue queue = tracked.taskQueue().queue("batch");
            try (Worker w = tracked.worker("batch", ctx -> {
                throw new IllegalArgumentException("bad");
            })) {
                for (int i = 1; i <= 7; i++) {
                    tracked.tracker().enqueue(queue, "batch:" + i, "work", i);
                }
                tracked.awaitDeadLetters(DeadLetterFilter.queue("batch"), 7);
            }
            // Task batch:2 is in flight again (enqueued anew, no worker left): its dead letter is skipped.
            tracked.tracker().enqueue(queue, "batch:2", "work", 2);
            DeadLetterFilter filter = DeadLetterFilter.queue("batch");
            List<String> order = tracked.tracker().deadLetters().list(filter, null, 10).items().stream()
                    .map(d -> d.execution().taskId()).toList();
            AtomicLong stepped = new AtomicLong();
            Progress counting = new Progress() {
                @Override
                public void step(long n) {
                    stepped.addAndGet(n);
                }

                @Override
                public void close() {
                }
            };

            ReplayResult dry = BatchedReplay.run(tracked.tracker().deadLetters(), filter, 1, 5, true, counting, 2);
            assertThat(dry.entries()).extracting(ReplayResult.Entry::taskId).containsExactlyElementsOf(order.subList(1, 6));
            assertThat(stepped.get()).isEqualTo(5);

            ReplayResult replayed = BatchedReplay.run(tracked.tracker().deadLetters(), filter, 0, 6, false, counting, 2);
            assertThat(replayed.entries()).extracting(e -> e.taskId() + " " + e.action()).containsExactly(
                    order.get(0) + " REPLAYED", order.get(1) + " SKIPPED", order.get(2) + " REPLAYED",
                    order.get(3) + " REPLAYED", order.get(4) + " REPLAYED", order.get(5) + " REPLAYED");
            List<DeadLetter> left = tracked.tracker().deadLetters().list(filter, null, 10).items();
            assertThat(left).extracting(d -> d.execution().taskId()).containsExactly(order.get(1), order.get(6));

            ReplayResult rest = BatchedReplay.run(tracked.tracker().deadLetters(), filter, 0, 100, false, counting, 2);
            assertThat(rest.entries()).extracting(e -> e.taskId() + " " + e.action())
                    .containsExactly(order.get(1) + " SKIPPED", order.get(6) + " REPLAYED");
        }
    }
}
