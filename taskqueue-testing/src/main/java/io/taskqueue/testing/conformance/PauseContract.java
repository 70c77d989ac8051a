package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.throughout;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.QueueEvent;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;


/** Pausing a queue stops every worker from starting its jobs until it is resumed. */
@CapabilityContract(Capability.PAUSE)
public interface PauseContract extends BackendContract {
    @Test
    default void pausedQueueRunsNothingUntilResumed() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<QueueEvent> events = recordEvents(queue);
        queue.pause();
        assertThat(queue.isPaused()).isTrue();
        startWorker(tq, Handlers.builder().on("job", ctx -> "ok").build());
        String id = queue.add("job", null);
        throughout(Duration.ofMillis(300)).until(() -> queue.getState(id) == JobState.WAITING);
        queue.resume();
        awaitState(queue, id, JobState.COMPLETED);
        assertThat(queue.isPaused()).isFalse();
        eventually().until(() -> events.stream().map(QueueEvent::event).toList().containsAll(List.of("paused", "resumed")));
    }
}
