package io.taskqueue.testing.simple;

import static io.taskqueue.testing.conformance.Conformance.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.EventCursor;
import io.taskqueue.Job;
import io.taskqueue.JobNotFoundException;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.LockLostException;
import io.taskqueue.QueueEvent;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.spi.WorkerChannel;
import io.taskqueue.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the simple backend promises beyond the core contracts (SeamContract covers the seam's calls
 * for every backend): lock expiry and the stall-check throttle on the backend's own clock, a
 * cancelled job that never runs again, and cursors it does not know.
 */
class SimpleBackendSpiTest {
    private static final long LOCK_MS = 1_000;

    private final MutableClock clock = MutableClock.startingNow();
    private final SimpleBackend backend = new SimpleBackend(clock);
    private final QueueBackend queue = backend.queue("spi");

    @AfterEach
    void close() {
        backend.close();
    }

    private String add(String name, JobOptions options) {
        return queue.add(List.of(new NewJob(name, "{}", options, clock.millis()))).get(0);
    }

    private String add(String name) {
        return add(name, JobOptions.defaults());
    }

    private FetchRequest fetchAs(String token) {
        return new FetchRequest(token, LOCK_MS, "w", clock.millis());
    }

    private Job fetch(String token) {
        FetchResult result = queue.fetch(fetchAs(token));
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return ((FetchResult.Fetched) result).job();
    }

    private FinishRequest complete(String jobId, String token, FetchRequest next) {
        return new FinishRequest(jobId, token, clock.millis(), true, "\"ok\"", null, KeepJobs.all(), next);
    }



    @Test
    void stepsOnALockedJobCheckItsToken() {
        String id = add("a");
        String waiting = add("b");
        fetch("owner:1");
        assertThatThrownBy(() -> queue.finish(complete(id, "intruder:1", null)))
                .isInstanceOf(LockLostException.class).hasMessageContaining("another worker");
        assertThatThrownBy(() -> queue.release(ReleaseRequest.handBack(waiting, "owner:1", clock.millis())))
                .isInstanceOf(LockLostException.class).hasMessageContaining("missing lock");
        assertThatThrownBy(() -> queue.finish(complete("no-such-job", "owner:1", null)))
                .isInstanceOf(JobNotFoundException.class);
        assertThat(queue.extendLocks(Map.of(id, "owner:1"), LOCK_MS, clock.millis()))
                .containsEntry(id, LockStatus.HELD);
        clock.advance(Duration.ofMillis(LOCK_MS));
        // Expired: the owner can neither renew nor finish, even before a stall check ran.
        assertThat(queue.extendLocks(Map.of(id, "owner:1"), LOCK_MS, clock.millis()))
                .containsEntry(id, LockStatus.LOST);
        assertThatThrownBy(() -> queue.finish(complete(id, "owner:1", null))).isInstanceOf(LockLostException.class);
    }



    @Test
    void cancellingAnActiveJobFlagsItAndNotifiesTheWorkers() {
        List<String> notified = new CopyOnWriteArrayList<>();
        try (WorkerChannel ignored = queue.openWorkerChannel("w", notified::add)) {
            String id = add("a");
            fetch("t:1");
            assertThat(queue.cancel(id, "stop", clock.millis())).isEqualTo(CancelResult.SIGNALLED);
            eventually().until(() -> notified.contains(id));
            assertThat(queue.extendLocks(Map.of(id, "t:1"), LOCK_MS, clock.millis()))
                    .containsEntry(id, LockStatus.CANCEL_REQUESTED);
            // Whatever the worker asks for now, the job does not run again.
            queue.release(ReleaseRequest.retry(id, "t:1", clock.millis(), 0, "boom", null));
            assertThat(queue.getJob(id).orElseThrow().failedReason()).isEqualTo("stop");
            assertThat(queue.cancel(id, "again", clock.millis())).isEqualTo(CancelResult.ALREADY_FINISHED);
        }
    }


    @Test
    void subscriptionsStartAfterTheirCursor() {
        String id = add("a");
        List<QueueEvent> all = record(EventCursor.EARLIEST);
        eventually().until(() -> all.size() == 2);
        assertThat(all).extracting(QueueEvent::event).containsExactly("added", "waiting");
        List<QueueEvent> afterFirst = record(all.get(0).cursor());
        List<QueueEvent> latest = record(EventCursor.LATEST);
        queue.updateProgress(id, "50");
        eventually().until(() -> afterFirst.size() == 2 && latest.size() == 1);
        assertThat(afterFirst).extracting(QueueEvent::event).containsExactly("waiting", "progress");
        assertThat(latest.get(0).field("data")).isEqualTo("50");
        assertThatThrownBy(() -> queue.subscribe(EventCursor.of("not-a-position"), e -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStallCheckRunsOncePerIntervalByTheBackendClock() {
        String id = add("a");
        fetch("dead:1");
        assertThat(queue.checkStalled(0, 5_000, clock.millis())).as("lock still held").isEmpty();
        clock.advance(Duration.ofMillis(LOCK_MS));
        assertThat(queue.checkStalled(0, 5_000, clock.millis())).as("throttled").isEmpty();
        clock.advance(Duration.ofMillis(4_000));
        assertThat(queue.checkStalled(0, 5_000, clock.millis())).containsExactly(id);
        Job recovered = queue.getJob(id).orElseThrow();
        assertThat(recovered.stalledCounter()).isEqualTo(1);
        assertThat(recovered.deferredFailure()).isEqualTo("job stalled more than allowable limit");
        assertThat(queue.getState(id)).isEqualTo(JobState.WAITING);
    }


    private List<QueueEvent> record(EventCursor after) {
        List<QueueEvent> events = new CopyOnWriteArrayList<>();
        queue.subscribe(after, events::add);
        return events;
    }
}
