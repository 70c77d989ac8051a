package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.TaskQueue;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.spi.ReleaseRequest;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A started grouped job holds its group's slot until it finishes, also while it is back in the
 * queue after its worker stalled or handed it back. Fetches from other workers are interleaved at
 * the moment the job is back, when a freed slot would show: the group would release its next job
 * to the queue, ahead of its turn.
 */
@CapabilityContract(Capability.GROUPS)
public interface GroupSlotsContract extends BackendContract {
    @Test
    default void aStalledGroupedJobKeepsItsSlotUntilItFinishes() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
        queue.limits().setGroupConcurrency("g", 1);
        String first = queue.add("job", 0, JobOptions.builder().group("g").build());
        String second = queue.add("job", 1, JobOptions.builder().group("g").build());
        // A worker takes the first job with a short lock and dies; the stall check puts the job back.
        FetchResult taken = spi.fetch(new FetchRequest("dead:0", 200, "dead", clock.millis()));
        assertThat(taken).isInstanceOf(FetchResult.Fetched.class);
        assertThat(((FetchResult.Fetched) taken).job().id()).isEqualTo(first);
        eventually().until(() -> spi.checkStalled(1, 1, clock.millis()).contains(first));
        assertThat(queue.getState(first)).isEqualTo(JobState.WAITING);

        assertBackInTurn(queue, spi, clock, first, second);
    }

    @Test
    default void aHandedBackGroupedJobKeepsItsSlotUntilItFinishes() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
        queue.limits().setGroupConcurrency("g", 1);
        String first = queue.add("job", 0, JobOptions.builder().group("g").build());
        String second = queue.add("job", 1, JobOptions.builder().group("g").build());
        assertThat(fetchId(spi, clock, "closing:0")).isEqualTo(first);
        // The worker closes before the handler starts: the job goes back unchanged.
        spi.release(ReleaseRequest.handBack(first, "closing:0", clock.millis()));
        assertThat(queue.getState(first)).isEqualTo(JobState.WAITING);

        assertBackInTurn(queue, spi, clock, first, second);
    }

    /**
     * With {@code first} back in the queue and still holding the slot: another worker's fetch gets
     * it again and leaves {@code second} parked; no fetch gets {@code second} until {@code first}
     * finishes.
     */
    private static void assertBackInTurn(JobQueue queue, QueueBackend spi, Clock clock, String first,
            String second) {
        assertThat(fetchId(spi, clock, "other:1")).as("the job that holds the slot runs again").isEqualTo(first);
        assertThat(queue.getState(second)).as("the group's next job, while the slot is held").isEqualTo(JobState.DELAYED);
        assertThat(queue.limits().groupWaitingCount("g")).isEqualTo(1);
        assertThat(fetchId(spi, clock, "other:2")).as("a second job of the group while one runs").isNull();
        assertThat(queue.getState(second)).isEqualTo(JobState.DELAYED);
        spi.finish(new FinishRequest(first, "other:1", clock.millis(), true, "null", null, KeepJobs.all(), null));
        assertThat(fetchId(spi, clock, "other:3")).isEqualTo(second);
    }

    /** The id a fetch with {@code token} got, or null when it got none. */
    private static String fetchId(QueueBackend spi, Clock clock, String token) {
        FetchResult r = spi.fetch(new FetchRequest(token, 30_000, null, clock.millis()));
        return r instanceof FetchResult.Fetched f ? f.job().id() : null;
    }
}
