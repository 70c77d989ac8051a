package io.taskqueue.postgres;

import static io.taskqueue.postgres.Fetched.context;
import static io.taskqueue.postgres.Fetched.fetched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOutcome;
import io.taskqueue.JobQueue;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Endings no classifier decides are stored under the tracker's fixed category names. */
@ExtendWith(PostgresExtension.class)
class InterruptionsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aCancelledJobIsArchivedAsCancelled(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            JobQueue queue = f.queue("cancels");
            CountDownLatch started = new CountDownLatch(1);
            f.worker("cancels", Handlers.builder().on("work", ctx -> {
                started.countDown();
                while (true) {
                    ctx.throwIfCancelled();
                    Thread.sleep(10);
                }
            }).build());
            EnqueueResult r = f.tracker.enqueue(queue, "cancels:1", "work", 1);
            assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(queue.cancel(r.jobId())).isTrue();

            await().atMost(WAIT).until(() -> {
                f.flush();
                return f.history().execution(r.executionId()).orElseThrow().status() == TaskStatus.ARCHIVED;
            });
            TaskExecution e = f.history().execution(r.executionId()).orElseThrow();
            assertThat(e.errorCategory()).isEqualTo(TrackerCategories.CANCELLED);
            assertThat(e.errorMessage()).startsWith("cancelled");
            assertThat(f.deadLetters().count(DeadLetterFilter.queue("cancels"))).isZero();
        }
    }

    @Test
    void aLostLockPutsItsAttemptBackUnlessALaterFetchClaimedIt(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            Job first = fetched("job-l", 0, 1);
            assertThat(f.tracker.claimInterceptor().intercept(context("q", first), () -> "ran")).isEqualTo("ran");
            f.tracker.listener().onFinished("q", first, new JobOutcome.LockLost("lock expired"), 5);
            f.flush();
            TaskExecution lost = single(f, "q:job-l");
            assertThat(lost.status()).isEqualTo(TaskStatus.QUEUED);
            assertThat(lost.errorCategory()).isEqualTo(TrackerCategories.LOCK_LOST);
            assertThat(lost.errorMessage()).contains("lock expired");

            // The rerun claims the row; a late lock-lost report of the first fetch leaves it alone.
            Job rerun = fetched("job-l", 0, 2);
            assertThat(f.tracker.claimInterceptor().intercept(context("q", rerun), () -> "ran")).isEqualTo("ran");
            f.tracker.listener().onFinished("q", first, new JobOutcome.LockLost("late report"), 5);
            f.flush();
            assertThat(single(f, "q:job-l").status()).isEqualTo(TaskStatus.PROCESSING);
        }
    }

    @Test
    void aStalledJobsAttemptWaitsAgainAndItsRerunTakesItOver(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            Job first = fetched("job-s", 0, 1);
            assertThat(f.tracker.claimInterceptor().intercept(context("q", first), () -> "ran")).isEqualTo("ran");
            f.tracker.listener().onStalled("q", "job-s");
            f.flush();
            TaskExecution stalled = single(f, "q:job-s");
            assertThat(stalled.status()).isEqualTo(TaskStatus.QUEUED);
            assertThat(stalled.errorCategory()).isEqualTo(TrackerCategories.STALLED);

            Job rerun = fetched("job-s", 0, 2);
            assertThat(f.tracker.claimInterceptor().intercept(context("q", rerun), () -> "ran")).isEqualTo("ran");
            f.tracker.listener().onFinished("q", rerun, new JobOutcome.Completed("ran", "\"ran\""), 5);
            f.flush();
            assertThat(single(f, "q:job-s").status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(f.history().failuresByCategory("q")).isEmpty();
        }
    }

    private static TaskExecution single(TrackerFixture f, String taskId) {
        assertThat(f.history().retryChain(taskId)).hasSize(1);
        return f.history().retryChain(taskId).get(0);
    }
}
