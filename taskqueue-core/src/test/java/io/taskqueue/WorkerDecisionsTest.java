package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a worker decides about a failed attempt, end to end on the in-memory backend: the category
 * from the task queue's own classifier (or the error's stated one), whether the job runs again, the
 * attempt number a handler sees, and a final failure passing its slot straight to the next job.
 */
class WorkerDecisionsTest {
    /** A category of the application's: not worth retrying. */
    private static final ErrorCategory QUOTA = new ErrorCategory("quota", false);

    private final List<String> verdicts = new CopyOnWriteArrayList<>();
    private TaskQueue taskQueue;

    @AfterEach
    void close() {
        if (taskQueue != null) {
            taskQueue.close();
        }
    }

    /** A quota error, which the application's classifier maps to {@link #QUOTA}. */
    static final class QuotaExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QuotaExceeded() {
            super("quota exceeded");
        }
    }

    /** An error the application's classifier (wrongly) gives no category. */
    static final class Unclassified extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unclassified() {
            super("nobody knows");
        }
    }

    /** An error that states its own category, which no rule by type could know. */
    static final class Stated extends RuntimeException implements ClassifiedError {
        private static final long serialVersionUID = 1L;

        Stated() {
            super("stated permanent");
        }

        @Override
        public ErrorCategory category() {
            return ErrorCategory.PERMANENT;
        }
    }

    private JobQueue openQueue(ErrorClassifier classifier) {
        taskQueue = TaskQueue.builder().backend("memory:").errorClassifier(classifier).build();
        return taskQueue.queue("decisions");
    }

    private Worker start(Handlers handlers, int concurrency) {
        return taskQueue.worker("decisions").handlers(handlers).listener(new JobLifecycleListener() {
            @Override
            public void onFinished(String queueName, Job job, JobOutcome outcome, long elapsedMillis) {
                if (outcome instanceof JobOutcome.Failed failed) {
                    verdicts.add(job.name() + ":" + failed.category().name() + ":" + failed.willRetry());
                }
            }
        }).options(WorkerOptions.builder().concurrency(concurrency).drainDelay(Duration.ofMillis(20))
                // Far beyond the test: a job left active must not be rescued by the stall check.
                .stalledInterval(Duration.ofMinutes(5)).build()).build().start();
    }

    private static void awaitFinal(JobQueue queue, String... ids) {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            for (String id : ids) {
                if (!queue.getState(id).isFinal()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void theTaskQueuesClassifierDecidesTheCategoryAndWhetherTheJobRunsAgain() {
        // The application (wrongly) calls an unrecoverable error transient: the error's own word wins.
        ErrorClassifier rules = ErrorClassifier.builder().map(QuotaExceeded.class, QUOTA)
                .map(UnrecoverableJobException.class, ErrorCategory.TRANSIENT).build();
        JobQueue queue = openQueue(error -> error instanceof Unclassified ? null : rules.classify(error));
        Handlers handlers = Handlers.builder()
                .on("quota", ctx -> {
                    throw new QuotaExceeded();
                })
                .on("unclassified", ctx -> {
                    throw new Unclassified();
                })
                .on("stated", ctx -> {
                    throw new Stated();
                })
                .on("unrecoverable", ctx -> {
                    throw new UnrecoverableJobException("gone for good");
                }).build();
        JobOptions twoAttempts = JobOptions.builder().attempts(2).build();
        try (Worker worker = start(handlers, 1)) {
            String quota = queue.add("quota", null, twoAttempts);
            awaitFinal(queue, quota);
            String unclassified = queue.add("unclassified", null, twoAttempts);
            awaitFinal(queue, unclassified);
            String stated = queue.add("stated", null, twoAttempts);
            awaitFinal(queue, stated);
            String unrecoverable = queue.add("unrecoverable", null, twoAttempts);
            awaitFinal(queue, unrecoverable);
            assertThat(queue.getJob(quota).orElseThrow().attemptsMade()).isEqualTo(1);
            assertThat(queue.getJob(unclassified).orElseThrow().attemptsMade()).isEqualTo(2);
            assertThat(queue.getJob(stated).orElseThrow().attemptsMade()).isEqualTo(1);
            assertThat(queue.getJob(unrecoverable).orElseThrow().attemptsMade()).isEqualTo(1);
        }
        // The application's category is kept (not retried); no category at all is 'unknown', retried.
        assertThat(verdicts).containsExactly("quota:quota:false", "unclassified:unknown:true",
                "unclassified:unknown:false", "stated:permanent:false", "unrecoverable:permanent:false");
    }

    @Test
    void eachAttemptSeesItsOwnNumberAndTheLimit() {
        JobQueue queue = openQueue(ErrorClassifier.defaults());
        List<String> seen = new CopyOnWriteArrayList<>();
        Handlers handlers = Handlers.builder().on("flaky", ctx -> {
            seen.add(ctx.attempt() + "/" + ctx.maxAttempts());
            if (ctx.attempt() < 3) {
                throw new IllegalStateException("not yet");
            }
            return Map.of("on", ctx.attempt());
        }).build();
        try (Worker worker = start(handlers, 1)) {
            String id = queue.add("flaky", null, JobOptions.builder().attempts(4).build());
            awaitFinal(queue, id);
            assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
            assertThat(queue.getJob(id).orElseThrow().returnValueJson()).isEqualTo("{\"on\":3}");
        }
        assertThat(seen).containsExactly("1/4", "2/4", "3/4");
    }

    @Test
    void aHandlerRunningLongerThanItsLockKeepsTheLock() {
        JobQueue queue = openQueue(ErrorClassifier.defaults());
        List<String> stalled = new CopyOnWriteArrayList<>();
        List<String> runs = new CopyOnWriteArrayList<>();
        Handlers handlers = Handlers.builder().on("long", ctx -> {
            runs.add(ctx.job().id());
            Thread.sleep(1_500); // the work itself: five lock durations
            return "done";
        }).build();
        try (Worker worker = taskQueue.worker("decisions").handlers(handlers).listener(new JobLifecycleListener() {
            @Override
            public void onStalled(String queueName, String jobId) {
                stalled.add(jobId);
            }
        }).options(WorkerOptions.builder().lockDuration(Duration.ofMillis(300))
                .stalledInterval(Duration.ofMillis(100)).drainDelay(Duration.ofMillis(20)).build()).build().start()) {
            String id = queue.add("long", null);
            awaitFinal(queue, id);
            assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
            assertThat(runs).containsExactly(id);
            assertThat(stalled).isEmpty();
        }
    }

    @Test
    void aFinalFailureOrACancelPassesItsSlotToTheJobFetchedWithIt() {
        JobQueue queue = openQueue(ErrorClassifier.defaults());
        Handlers handlers = Handlers.builder()
                .on("bad", ctx -> {
                    throw new IllegalStateException("broken");
                })
                .on("cancelled", ctx -> {
                    await().atMost(Duration.ofSeconds(5)).until(ctx::isCancelled);
                    ctx.throwIfCancelled();
                    return "not cancelled";
                })
                .on("ok", ctx -> "done").build();
        // One slot: the job after each failure is fetched in the same backend call that records it.
        queue.pause();
        String bad = queue.add("bad", null);
        String afterBad = queue.add("ok", null);
        try (Worker worker = start(handlers, 1)) {
            queue.resume();
            awaitFinal(queue, bad, afterBad);
            String cancelled = queue.add("cancelled", null);
            await().atMost(Duration.ofSeconds(5)).until(() -> queue.getState(cancelled) == JobState.ACTIVE);
            String afterCancel = queue.add("ok", null);
            assertThat(queue.cancel(cancelled)).isTrue();
            awaitFinal(queue, cancelled, afterCancel);
            assertThat(queue.getState(bad)).isEqualTo(JobState.FAILED);
            assertThat(queue.getState(afterBad)).isEqualTo(JobState.COMPLETED);
            assertThat(queue.getState(cancelled)).isEqualTo(JobState.FAILED);
            assertThat(queue.getState(afterCancel)).isEqualTo(JobState.COMPLETED);
        }
    }
}
