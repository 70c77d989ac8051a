package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The workers connected to a queue: listed while their channel is open, by name (unnamed ones
 * too), whichever process asks, and gone once closed.
 */
@CapabilityContract(Capability.WORKERS)
public interface WorkersContract extends BackendContract {
    @Test
    default void listsTheOpenWorkersOfTheQueueByName() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        assertThat(queue.workers()).as("no worker yet").isEmpty();
        Handlers handlers = Handlers.builder().on("job", ctx -> null).build();
        Instant before = clock.instant().minusSeconds(1);
        Worker named = startWorker(tq, handlers, fastOptions().name("listed-worker").build());
        startWorker(tq, handlers);
        // A worker of another queue is not one of this queue's.
        track(tq.worker(queueName() + "-other").handlers(handlers).options(fastOptions().name("elsewhere").build())
                .build().start());

        JobQueue seenElsewhere = queue(secondProcess(tq, clock));
        eventually().alias("both workers listed").until(() -> seenElsewhere.workers().size() == 2);
        assertThat(seenElsewhere.workers()).extracting(WorkerInfo::name)
                .containsExactlyInAnyOrder("listed-worker", null);
        for (WorkerInfo w : seenElsewhere.workers()) {
            assertThat(w.id()).isNotBlank();
            if (w.connectedSince() != null) {
                assertThat(w.connectedSince()).isBetween(before.minusSeconds(1), clock.instant().plusSeconds(1));
            }
            if (w.idle() != null) {
                assertThat(w.idle()).isBetween(Duration.ZERO, Duration.ofMinutes(1));
            }
        }
        assertThat(seenElsewhere.workers()).extracting(WorkerInfo::id).doesNotHaveDuplicates();

        named.close();
        eventually().alias("the closed worker is gone").until(() -> seenElsewhere.workers().stream()
                .map(WorkerInfo::name).noneMatch(n -> Objects.equals(n, "listed-worker")));
        assertThat(seenElsewhere.workers()).hasSize(1);
    }
}
