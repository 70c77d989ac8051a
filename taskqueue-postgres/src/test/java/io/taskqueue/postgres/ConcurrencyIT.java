package io.taskqueue.postgres;

import static io.taskqueue.postgres.Fetched.context;
import static io.taskqueue.postgres.Fetched.fetched;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Job;
import io.taskqueue.JobOutcome;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.testing.MutableClock;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The two atomic operations under real contention: enqueue dedup and the claim. */
@ExtendWith(PostgresExtension.class)
class ConcurrencyIT {

    @Test
    void fiftyProducersEnqueueTheSameTaskAtOnceAndExactlyOneEnqueues(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            JobQueue queue = f.queue("orders");
            String taskId = f.tracker.taskId(queue.name(), "c-42", "o-1001");
            List<EnqueueResult> results = race(50, () -> f.tracker.enqueue(queue, taskId, "work", Map.of("x", 1)));

            assertThat(results).filteredOn(EnqueueResult::enqueued).hasSize(1);
            assertThat(results).filteredOn(r -> r.outcome() == EnqueueResult.Outcome.DUPLICATE).hasSize(49);
            assertThat(queue.counts(JobState.WAITING)).containsEntry(JobState.WAITING, 1L);
            assertThat(f.history().retryChain(taskId)).hasSize(1);
            assertThat(f.history().duplicates(null).enqueuesPrevented()).isEqualTo(49);
        }
    }

    @Test
    void anEnqueueOutsideTheWindowIsNotADuplicate(PostgresTestSchema schema) throws Exception {
        MutableClock clock = MutableClock.startingNow();
        try (TrackerFixture f = TrackerFixture.create(schema, TaskTrackerOptions.defaults(), b -> b.clock(clock))) {
            JobQueue queue = f.queue("orders");
            String taskId = f.tracker.taskId("orders", "c-42", "o-1");
            assertThat(f.tracker.enqueue(queue, taskId, "work", 1).enqueued()).isTrue();
            assertThat(f.tracker.enqueue(queue, taskId, "work", 1).outcome())
                    .isEqualTo(EnqueueResult.Outcome.DUPLICATE);
            // Six minutes on (the task queue's clock, which the tracker reads), the first is outside the window.
            clock.advance(Duration.ofMinutes(6));
            assertThat(f.tracker.enqueue(queue, taskId, "work", 1).enqueued()).isTrue();
            assertThat(f.tracker.enqueue(queue, taskId, "work", 1).outcome())
                    .isEqualTo(EnqueueResult.Outcome.DUPLICATE);
        }
    }

    @Test
    void twoThreadsClaimTheSameExecutionAndExactlyOneWins(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            JobQueue queue = f.queue("claims");
            for (int i = 0; i < 20; i++) {
                EnqueueResult r = f.tracker.enqueue(queue, TaskIds.taskId("claims", i), "work", i);
                List<Boolean> wins = race(2, () -> f.tracker.claim(r.taskId(), r.executionId()));
                assertThat(wins).containsExactlyInAnyOrder(true, false);
                assertThat(f.history().execution(r.executionId()).orElseThrow().status())
                        .isEqualTo(TaskStatus.PROCESSING);
            }
        }
    }

    @Test
    void twoWorkersClaimingTheSameAttemptRunTheHandlerOnce(PostgresTestSchema schema) throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            for (int i = 0; i < 20; i++) {
                Job job = fetched("job-" + i, 0, 1);
                AtomicInteger runs = new AtomicInteger();
                List<Object> results = race(2, () -> f.tracker.claimInterceptor()
                        .intercept(context("claims", job), () -> "ran-" + runs.incrementAndGet()));
                assertThat(runs).hasValue(1);
                assertThat(results).filteredOn(AlreadyProcessed.class::isInstance).hasSize(1);
            }
        }
    }

    @Test
    void manyThreadsClaimingManyAttemptsAtOnceRunEachHandlerExactlyOnce(PostgresTestSchema schema)
            throws Exception {
        // 48 job threads at once, four per job, so the coalescer gathers claims of different jobs into
        // one statement and must keep claims of the same job apart.
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                jobs.add(fetched("many-" + i, 0, 1));
            }
            Map<String, AtomicInteger> runs = new java.util.concurrent.ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            List<Object> results = race(48, () -> {
                Job job = jobs.get(next.getAndIncrement() % jobs.size());
                return f.tracker.claimInterceptor().intercept(context("many", job),
                        () -> runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet());
            });
            assertThat(runs).hasSize(12);
            assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
            assertThat(results).filteredOn(AlreadyProcessed.class::isInstance).hasSize(36);
            assertThat(f.tracker.health().unclaimedRuns()).isZero();
            assertThat(f.history().queueStats("many")).containsEntry(TaskStatus.PROCESSING, 12L);
        }
    }

    @Test
    void aRerunAfterAStallTakesTheRowOverButACompletedJobIsNotRunAgain(PostgresTestSchema schema)
            throws Exception {
        try (TrackerFixture f = TrackerFixture.create(schema)) {
            Job first = fetched("job-x", 0, 1);
            assertThat(f.tracker.claimInterceptor().intercept(context("q", first), () -> "ran")).isEqualTo("ran");
            // The worker died; the queue hands the same attempt out again (one more fetch).
            Job again = fetched("job-x", 0, 2);
            assertThat(f.tracker.claimInterceptor().intercept(context("q", again), () -> "ran")).isEqualTo("ran");
            f.tracker.listener().onFinished("q", again, new JobOutcome.Completed("ran", "\"ran\""), 5);
            f.flush();
            // Crash after the work but before the queue heard: the third fetch must not redo it.
            Job third = fetched("job-x", 0, 3);
            assertThat(f.tracker.claimInterceptor().intercept(context("q", third), () -> "ran"))
                    .isInstanceOf(AlreadyProcessed.class);
            assertThat(f.history().duplicates("q").claimsRefused()).isEqualTo(1);
            assertThat(f.history().retryChain("q:job-x")).singleElement()
                    .extracting(TaskExecution::status).isEqualTo(TaskStatus.COMPLETED);
        }
    }

    /** Runs {@code n} copies of {@code call} released at the same instant; returns their results. */
    static <T> List<T> race(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
