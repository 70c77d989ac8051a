package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitEvent;
import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.eventNames;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static io.taskqueue.testing.conformance.Conformance.throughout;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Backoff;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.QueueEvent;
import io.taskqueue.TaskQueue;
import io.taskqueue.UnrecoverableJobException;
import io.taskqueue.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Attempts, backoff at exact delays, permanent failures, retry-later, retention. */
public interface RetryContract extends BackendContract {

    /** Runs a job that always fails and checks each retry waits exactly {@code expectedDelays}. */
    private void assertRetryDelays(Backoff backoff, long... expectedDelays) {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<QueueEvent> events = recordEvents(queue);
        AtomicInteger runs = new AtomicInteger();
        startWorker(tq, Handlers.builder().on("flaky", ctx -> {
            runs.incrementAndGet();
            throw new IllegalStateException("attempt " + ctx.attempt() + " failed");
        }).build());
        String id = queue.add("flaky", null, JobOptions.builder()
                .attempts(expectedDelays.length + 1).backoff(backoff).build());
        for (int i = 0; i < expectedDelays.length; i++) {
            int attemptsMade = i + 1;
            eventually().until(() -> queue.getState(id) == JobState.DELAYED
                    && queue.getJob(id).orElseThrow().attemptsMade() == attemptsMade);
            Job job = queue.getJob(id).orElseThrow();
            assertThat(job.delayMillis()).as("delay before attempt %d", attemptsMade + 1).isEqualTo(expectedDelays[i]);
            assertThat(job.failedReason()).isEqualTo("attempt " + attemptsMade + " failed");
            long due = clock.millis() + expectedDelays[i];
            awaitEvent(events, e -> e.event().equals("delayed") && id.equals(e.jobId())
                    && Long.parseLong(e.field("delay")) == due);
            clock.advance(Duration.ofMillis(expectedDelays[i] - 1));
            throughout(Duration.ofMillis(200)).until(() -> runs.get() == attemptsMade);
            clock.advance(Duration.ofMillis(1));
        }
        Job failed = awaitState(queue, id, JobState.FAILED);
        assertThat(failed.attemptsMade()).isEqualTo(expectedDelays.length + 1);
        assertThat(failed.stacktrace()).hasSize(expectedDelays.length + 1);
        assertThat(runs.get()).isEqualTo(expectedDelays.length + 1);
        eventually().until(() -> eventNames(events, id).contains("retries-exhausted"));
        assertThat(eventNames(events, id)).containsSubsequence("active", "delayed", "waiting", "active", "failed",
                "retries-exhausted");
    }

    @Test
    default void fixedBackoffWaitsTheSameDelayBeforeEveryRetry() {
        assertRetryDelays(Backoff.fixed(Duration.ofMillis(1000)), 1000, 1000);
    }

    @Test
    default void exponentialBackoffDoublesTheDelay() {
        assertRetryDelays(Backoff.exponential(Duration.ofMillis(200)), 200, 400, 800);
    }

    @Test
    default void unrecoverableErrorFailsAtOnceWhateverAttemptsRemain() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("doomed", ctx -> {
            throw new UnrecoverableJobException("card declined");
        }).build());
        String id = queue.add("doomed", null, JobOptions.builder().attempts(5).build());
        Job job = awaitState(queue, id, JobState.FAILED);
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.failedReason()).isEqualTo("card declined");
    }

    @Test
    default void retryLaterRunsAgainWithoutSpendingAnAttempt() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        AtomicInteger runs = new AtomicInteger();
        startWorker(tq, Handlers.builder().on("throttled", ctx -> {
            if (runs.incrementAndGet() == 1) {
                throw ctx.retryLater(Duration.ofSeconds(30));
            }
            return "done";
        }).build());
        String id = queue.add("throttled", null, JobOptions.builder().attempts(1).build());
        eventually().until(() -> queue.getState(id) == JobState.DELAYED);
        assertThat(queue.getJob(id).orElseThrow().attemptsMade()).isZero();
        clock.advance(Duration.ofSeconds(30));
        Job job = awaitState(queue, id, JobState.COMPLETED);
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.attemptsStarted()).isEqualTo(2);
    }

    @Test
    default void completedJobsAreKeptByCount() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("job", ctx -> "ok").build(),
                fastOptions().concurrency(1).build());
        JobOptions keepTwo = JobOptions.builder().removeOnComplete(KeepJobs.count(2)).build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = queue.add("job", Map.of("i", i), keepTwo);
            ids.add(id);
            eventually().until(() -> queue.getJob(id).map(j -> j.finishedOn() != null).orElse(true));
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(queue.counts(JobState.COMPLETED)).containsEntry(JobState.COMPLETED, 2L);
        assertThat(queue.getJob(ids.get(0))).isEmpty();
        assertThat(queue.getJob(ids.get(2))).isEmpty();
        assertThat(queue.getJob(ids.get(3))).isPresent();
        assertThat(queue.getJob(ids.get(4))).isPresent();
    }

    @Test
    default void failedJobsAreKeptByAge() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("bad", ctx -> {
            throw new IllegalArgumentException("bad input");
        }).build(), fastOptions().concurrency(1).build());
        JobOptions keepMinute = JobOptions.builder().removeOnFail(KeepJobs.age(Duration.ofMinutes(1))).build();
        String old1 = queue.add("bad", null, keepMinute);
        String old2 = queue.add("bad", null, keepMinute);
        awaitState(queue, old1, JobState.FAILED);
        awaitState(queue, old2, JobState.FAILED);
        clock.advance(Duration.ofSeconds(61));
        String fresh = queue.add("bad", null, keepMinute);
        awaitState(queue, fresh, JobState.FAILED);
        assertThat(queue.getJob(old1)).isEmpty();
        assertThat(queue.getJob(old2)).isEmpty();
        assertThat(queue.counts(JobState.FAILED)).containsEntry(JobState.FAILED, 1L);
    }

    @Test
    default void removeOnCompleteDeletesTheJobButStillAnnouncesTheResult() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<QueueEvent> events = recordEvents(queue);
        startWorker(tq, Handlers.builder().on("job", ctx -> 42).build());
        String id = queue.add("job", null, JobOptions.builder().removeOnComplete(KeepJobs.none()).build());
        awaitEvent(events, e -> e.event().equals("completed") && id.equals(e.jobId()));
        assertThat(queue.getJob(id)).isEmpty();
    }
}
