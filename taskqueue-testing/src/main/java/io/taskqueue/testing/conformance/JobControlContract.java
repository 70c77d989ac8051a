package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;


/** Moving single jobs by hand: promote, change delay or priority, retry a finished job. */
@CapabilityContract(Capability.JOB_CONTROL)
public interface JobControlContract extends BackendContract {
    @Test
    default void promoteRunsADelayedJobNow() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("later", ctx -> "done").build());
        String id = queue.add("later", null, JobOptions.builder().delay(Duration.ofHours(1)).build());
        assertThat(queue.promote(id)).isTrue();
        awaitState(queue, id, JobState.COMPLETED);
        assertThat(queue.promote(id)).isFalse();
    }

    @Test
    default void changeDelayMovesTheDueTime() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
        String id = queue.add("later", null, JobOptions.builder().delay(Duration.ofHours(1)).build());
        assertThat(queue.changeDelay(id, Duration.ofSeconds(2))).isTrue();
        assertThat(queue.getState(id)).isEqualTo(JobState.DELAYED);
        // A fetch promotes what is due, so fetches on the test's clock find the due time exactly:
        // not 100 ms before the 2 s, and 100 ms after them.
        clock.advance(Duration.ofMillis(1_900));
        assertThat(spi.fetch(new FetchRequest("w:1", 30_000, "w", clock.millis())))
                .as("a fetch before the new due time").isNotInstanceOf(FetchResult.Fetched.class);
        assertThat(queue.getState(id)).isEqualTo(JobState.DELAYED);
        clock.advance(Duration.ofMillis(200));
        assertThat(spi.fetch(new FetchRequest("w:2", 30_000, "w", clock.millis())))
                .isInstanceOfSatisfying(FetchResult.Fetched.class, f -> assertThat(f.job().id()).isEqualTo(id));
        assertThat(queue.changeDelay(id, Duration.ofSeconds(1))).as("no longer delayed").isFalse();
    }

    @Test
    default void changePriorityReordersAWaitingJob() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        String low = queue.add("job", "low", JobOptions.builder().priority(10).build());
        String high = queue.add("job", "high", JobOptions.builder().priority(5).build());
        assertThat(queue.changePriority(low, 1)).isTrue();
        assertThat(queue.getJob(low).orElseThrow().priority()).isEqualTo(1);
        FetchResult first = spi(tq).fetch(new FetchRequest("w:1", 30_000, "w", clock.millis()));
        assertThat(first).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> assertThat(fetched.job().id()).isEqualTo(low));
        assertThat(queue.getState(high)).isEqualTo(JobState.PRIORITIZED);
        assertThat(queue.changePriority("no-such-job", 1)).isFalse();
    }

    @Test
    default void aFailedJobRetriedByHandRunsAgain() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        AtomicInteger runs = new AtomicInteger();
        startWorker(tq, Handlers.builder().on("flaky", ctx -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
            return "second run";
        }).build());
        String id = queue.add("flaky", null);
        awaitState(queue, id, JobState.FAILED);
        assertThat(queue.retry(id, JobState.COMPLETED)).as("not completed").isFalse();
        assertThat(queue.retry(id)).isTrue();
        assertThat(awaitState(queue, id, JobState.COMPLETED).returnValueJson()).isEqualTo("\"second run\"");
        assertThat(queue.retry(id)).as("no longer failed").isFalse();
    }
}
