package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.TaskQueueException;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk removal: drain what waits, clean what is old, obliterate the whole queue. */
@CapabilityContract(Capability.MAINTENANCE)
public interface MaintenanceContract extends BackendContract {

    @Test
    default void drainRemovesWaitingJobsAndDelayedOnesOnlyWhenAsked() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        String waiting = queue.add("job", null);
        String prioritized = queue.add("job", null, JobOptions.builder().priority(3).build());
        String delayed = queue.add("job", null, JobOptions.builder().delay(Duration.ofHours(1)).build());
        queue.drain(false);
        assertThat(queue.getState(waiting)).isEqualTo(JobState.UNKNOWN);
        assertThat(queue.getState(prioritized)).isEqualTo(JobState.UNKNOWN);
        assertThat(queue.getState(delayed)).isEqualTo(JobState.DELAYED);
        queue.drain(true);
        assertThat(queue.getState(delayed)).isEqualTo(JobState.UNKNOWN);
    }

    @Test
    default void cleanRemovesOnlyJobsOlderThanTheGraceUpToTheLimit() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("job", ctx -> "done").build());
        String first = queue.add("job", null);
        String second = queue.add("job", null);
        awaitState(queue, first, JobState.COMPLETED);
        awaitState(queue, second, JobState.COMPLETED);
        clock.advance(Duration.ofMinutes(10));
        String recent = queue.add("job", null);
        awaitState(queue, recent, JobState.COMPLETED);
        assertThat(queue.clean(Duration.ofMinutes(5), 1, JobState.COMPLETED)).hasSize(1);
        List<String> rest = queue.clean(Duration.ofMinutes(5), 0, JobState.COMPLETED);
        assertThat(rest).hasSize(1).doesNotContain(recent);
        assertThat(queue.getState(recent)).isEqualTo(JobState.COMPLETED);
        assertThat(queue.getState(first)).isEqualTo(JobState.UNKNOWN);
        assertThat(queue.getState(second)).isEqualTo(JobState.UNKNOWN);
    }

    @Test
    default void obliterateRefusesWhileAJobIsActiveUnlessForced() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        String active = queue.add("job", null);
        String waiting = queue.add("job", null);
        assertThat(spi(tq).fetch(new FetchRequest("holder:1", 30_000, "holder", clock.millis())))
                .isInstanceOf(FetchResult.Fetched.class);
        assertThatThrownBy(() -> queue.obliterate(false)).isInstanceOf(TaskQueueException.class);
        assertThat(queue.getState(waiting)).isEqualTo(JobState.WAITING);
        queue.obliterate(true);
        assertThat(queue.getState(active)).isEqualTo(JobState.UNKNOWN);
        assertThat(queue.getState(waiting)).isEqualTo(JobState.UNKNOWN);
        assertThat(queue.counts().values()).allMatch(count -> count == 0);
    }
}
