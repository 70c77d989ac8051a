package io.taskqueue.testing.conformance;

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
import io.taskqueue.TaskQueue;
import io.taskqueue.spi.CancelResult;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.LockStatus;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.spi.ReleaseRequest;
import io.taskqueue.spi.RemoveResult;
import io.taskqueue.spi.WorkerChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The backend seam called directly, for what queues and workers do not show on their own: custom
 * ids, finish-and-fetch, lock tokens, remove while locked, hand-back order, cancel signals, worker
 * channels, event cursors and range reads.
 */
public interface SeamContract extends BackendContract {
    private static String add(QueueBackend queue, String name, JobOptions options) {
        return queue.add(List.of(new NewJob(name, "{}", options, System.currentTimeMillis()))).get(0);
    }

    private static FetchRequest fetchAs(String token) {
        return new FetchRequest(token, 30_000, "w", System.currentTimeMillis());
    }

    private static Job fetch(QueueBackend queue, String token) {
        FetchResult result = queue.fetch(fetchAs(token));
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return ((FetchResult.Fetched) result).job();
    }

    private static FinishRequest complete(String jobId, String token, FetchRequest next) {
        return new FinishRequest(jobId, token, System.currentTimeMillis(), true, "\"ok\"", null, KeepJobs.all(), next);
    }

    private List<QueueEvent> record(QueueBackend queue, EventCursor after) {
        List<QueueEvent> events = new CopyOnWriteArrayList<>();
        track(queue.subscribe(after, events::add));
        return events;
    }

    @Test
    default void aTakenCustomIdReturnsTheExistingJob() {
        QueueBackend queue = spi(taskQueue(Clock.systemUTC()));
        JobOptions custom = JobOptions.builder().jobId("order-7").build();
        assertThat(add(queue, "first", custom)).isEqualTo("order-7");
        assertThat(add(queue, "second", custom)).isEqualTo("order-7");
        assertThat(queue.getJob("order-7").orElseThrow().name()).isEqualTo("first");
        assertThat(queue.counts(Set.of(JobState.WAITING))).containsEntry(JobState.WAITING, 1L);
    }

    @Test
    default void finishFetchesTheNextJobInTheSameCall() {
        QueueBackend queue = spi(taskQueue(Clock.systemUTC()));
        String first = add(queue, "a", JobOptions.defaults());
        String second = add(queue, "b", JobOptions.defaults());
        fetch(queue, "t:1");
        FetchResult next = queue.finish(complete(first, "t:1", fetchAs("t:2")));
        assertThat(next).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> assertThat(fetched.job().id()).isEqualTo(second));
        assertThat(queue.getState(second)).isEqualTo(JobState.ACTIVE);
        assertThat(queue.finish(complete(second, "t:2", null))).isNotInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    default void stepsOnALockedJobCheckItsToken() {
        QueueBackend queue = spi(taskQueue(Clock.systemUTC()));
        String id = add(queue, "a", JobOptions.defaults());
        String waiting = add(queue, "b", JobOptions.defaults());
        fetch(queue, "owner:1");
        assertThatThrownBy(() -> queue.finish(complete(id, "intruder:1", null)))
                .isInstanceOf(LockLostException.class).hasMessageContaining("another worker");
        assertThatThrownBy(() -> queue.release(ReleaseRequest.handBack(waiting, "owner:1", System.currentTimeMillis())))
                .isInstanceOf(LockLostException.class).hasMessageContaining("missing lock");
        assertThatThrownBy(() -> queue.finish(complete("no-such-job", "owner:1", null)))
                .isInstanceOf(JobNotFoundException.class);
        assertThat(queue.extendLocks(Map.of(id, "owner:1"), 30_000, System.currentTimeMillis()))
                .containsEntry(id, LockStatus.HELD);
        assertThat(queue.extendLocks(Map.of(id, "intruder:1"), 30_000, System.currentTimeMillis()))
                .containsEntry(id, LockStatus.LOST);
    }

    @Test
    default void aLockedJobCannotBeRemoved() {
        QueueBackend queue = spi(taskQueue(Clock.systemUTC()));
        List<QueueEvent> events = record(queue, EventCursor.EARLIEST);
        String id = add(queue, "a", JobOptions.defaults());
        fetch(queue, "t:1");
        assertThat(queue.remove(id)).isEqualTo(RemoveResult.LOCKED);
        queue.finish(complete(id, "t:1", null));
        assertThat(queue.remove(id)).isEqualTo(RemoveResult.REMOVED);
        assertThat(queue.remove(id)).isEqualTo(RemoveResult.NOT_FOUND);
        assertThat(queue.getState(id)).isEqualTo(JobState.UNKNOWN);
        eventually().until(() -> events.stream().anyMatch(e -> e.event().equals("removed") && id.equals(e.jobId())));
    }

    @Test
    default void aJobHandedBackRunsNextWithoutSpendingAnAttempt() {
        QueueBackend queue = spi(taskQueue(Clock.systemUTC()));
        String first = add(queue, "a", JobOptions.defaults());
        add(queue, "b", JobOptions.defaults());
        fetch(queue, "t:1");
        queue.release(ReleaseRequest.handBack(first, "t:1", System.currentTimeMillis()));
        Job again = fetch(queue, "t:2");
        assertThat(again.id()).isEqualTo(first);
        assertThat(again.attemptsMade()).isZero();
    }

    @Test
    default void cancellingAnActiveJobFlagsItAndNotifiesTheWorkers() {
        TaskQueue taskQueue = taskQueue(Clock.systemUTC());
        QueueBackend queue = spi(taskQueue);
        List<String> notified = new CopyOnWriteArrayList<>();
        WorkerChannel channel = track(queue.openWorkerChannel("w", notified::add));
        String id = add(queue, "a", JobOptions.defaults());
        fetch(queue, "t:1");
        assertThat(queue.cancel(id, "stop", System.currentTimeMillis())).isEqualTo(CancelResult.SIGNALLED);
        eventually().until(() -> notified.contains(id));
        assertThat(queue.extendLocks(Map.of(id, "t:1"), 30_000, System.currentTimeMillis()))
                .containsEntry(id, LockStatus.CANCEL_REQUESTED);
        assertThat(queue.cancel("no-such-job", "stop", System.currentTimeMillis())).isEqualTo(CancelResult.NOT_FOUND);
        channel.close();
    }

    @Test
    default void aChannelWakesOnAddsRemembersAMissedWakeUpAndReturnsPromptlyOnClose() {
        QueueBackend queue = spi(taskQueue(Clock.systemUTC()));
        WorkerChannel channel = track(queue.openWorkerChannel("w", id -> { }));
        CompletableFuture<Void> woken = awaitWorkAsync(channel);
        add(queue, "a", JobOptions.defaults());
        eventually().until(woken::isDone);
        add(queue, "b", JobOptions.defaults());
        // The add above came while nobody waited: the next wait returns at once.
        eventually().until(awaitWorkAsync(channel)::isDone);
        CompletableFuture<Void> closed = awaitWorkAsync(channel);
        channel.close();
        eventually().until(closed::isDone);
    }

    private static CompletableFuture<Void> awaitWorkAsync(WorkerChannel channel) {
        return CompletableFuture.runAsync(() -> {
            try {
                channel.awaitWork(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // A closed channel may end its wait with an error; the worker tells the two apart by its state.
            }
        });
    }

    @Test
    default void subscriptionsStartAfterTheirCursor() {
        QueueBackend queue = spi(taskQueue(Clock.systemUTC()));
        String id = add(queue, "a", JobOptions.defaults());
        List<QueueEvent> all = record(queue, EventCursor.EARLIEST);
        eventually().until(() -> all.size() >= 2);
        assertThat(all).extracting(QueueEvent::event).startsWith("added", "waiting");
        List<QueueEvent> afterFirst = record(queue, all.get(0).cursor());
        eventually().until(() -> !afterFirst.isEmpty());
        List<QueueEvent> latest = record(queue, EventCursor.LATEST);
        queue.updateProgress(id, "50");
        eventually().until(() -> afterFirst.stream().anyMatch(e -> e.event().equals("progress"))
                && latest.stream().anyMatch(e -> e.event().equals("progress")));
        assertThat(afterFirst.get(0).event()).isEqualTo("waiting");
        assertThat(latest).extracting(QueueEvent::event).containsExactly("progress");
        assertThat(latest.get(0).field("data")).isEqualTo("50");
    }

    @Test
    default void readsTakeInclusiveRangesInEitherOrder() {
        QueueBackend queue = spi(taskQueue(Clock.systemUTC()));
        for (int priority : new int[] {3, 1, 2}) {
            add(queue, "p" + priority, JobOptions.builder().priority(priority).build());
        }
        assertThat(queue.getJobs(JobState.PRIORITIZED, 0, -1, true)).extracting(Job::name)
                .containsExactly("p1", "p2", "p3");
        assertThat(queue.getJobs(JobState.PRIORITIZED, 0, 1, false)).extracting(Job::name)
                .containsExactly("p3", "p2");
        assertThat(queue.getJobs(JobState.PRIORITIZED, -1, -1, true)).extracting(Job::name).containsExactly("p3");
        assertThat(queue.getJobs(JobState.PRIORITIZED, 5, 9, true)).isEmpty();
    }
}
