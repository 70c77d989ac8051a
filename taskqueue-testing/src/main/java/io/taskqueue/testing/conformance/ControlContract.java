package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.PATIENCE;
import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static io.taskqueue.testing.conformance.Conformance.throughout;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancellation, hard timeouts and graceful close. */
public interface ControlContract extends BackendContract {
    /** Rounds of start-then-close: enough to hit every moment of a fetch in flight. */
    int CLOSE_ROUNDS = 200;


    /** A handler that runs until it is cancelled, then lets the cancellation propagate. */
    private static Handlers untilCancelled(CountDownLatch started) {
        return Handlers.builder().on("long", ctx -> {
            started.countDown();
            long until = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < until) {
                ctx.throwIfCancelled();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    ctx.throwIfCancelled();
                }
            }
            return "ran to the end";
        }).build();
    }

    private void cancelRunningJobFromAnotherInstance(boolean notificationsDelivered) throws Exception {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        Conformance.FaultyProcess workerSide = conformance().faultyProcess(tq, clock);
        workerSide.faults().deliverCancelNotifications(notificationsDelivered);
        CountDownLatch started = new CountDownLatch(1);
        startWorker(workerSide.taskQueue(), untilCancelled(started),
                fastOptions().lockDuration(Duration.ofMillis(800)).build());
        JobQueue producer = queue(tq);
        String id = producer.add("long", null, JobOptions.builder().attempts(3).build());
        assertThat(started.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        JobQueue operator = queue(secondProcess(tq, clock));
        assertThat(operator.cancel(id)).isTrue();
        Job job = awaitState(producer, id, JobState.FAILED);
        assertThat(job.failedReason()).isEqualTo("cancelled");
        assertThat(job.attemptsStarted()).as("a cancelled job is not retried").isEqualTo(1);
        assertThat(operator.cancel(id)).as("cancelling a finished job").isFalse();
    }

    @Test
    default void cancellingARunningJobFromAnotherInstanceStopsItsHandler() throws Exception {
        cancelRunningJobFromAnotherInstance(true);
    }

    @Test
    default void cancellationReachesTheHandlerEvenWhenTheNotificationIsLost() throws Exception {
        cancelRunningJobFromAnotherInstance(false);
    }

    @Test
    default void cancelledDelayedJobNeverRuns() {
        MutableClock clock = MutableClock.startingNow();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        AtomicBoolean ran = new AtomicBoolean();
        startWorker(tq, Handlers.builder().on("later", ctx -> ran.getAndSet(true)).build());
        String id = queue.add("later", null, JobOptions.builder().delay(Duration.ofMinutes(5)).build());
        assertThat(queue.cancel(id)).isTrue();
        assertThat(queue.getState(id)).isEqualTo(JobState.FAILED);
        assertThat(queue.getJob(id).orElseThrow().failedReason()).isEqualTo("cancelled");
        clock.advance(Duration.ofMinutes(6));
        throughout(Duration.ofMillis(300)).until(() -> !ran.get());
        assertThat(queue.cancel(id)).isFalse();
        assertThat(queue.cancel("no-such-job")).isFalse();
    }

    @Test
    default void hardTimeoutFailsTheAttemptEvenIfTheHandlerIgnoresInterrupts() throws Exception {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean stillRunning = new AtomicBoolean();
        startWorker(tq, Handlers.builder().on("stuck", ctx -> {
            stillRunning.set(true);
            while (release.getCount() > 0) {
                Thread.onSpinWait();
            }
            stillRunning.set(false);
            return "too late";
        }).build());
        String id = queue.add("stuck", null, JobOptions.builder().timeout(Duration.ofMillis(300)).build());
        Job job = awaitState(queue, id, JobState.FAILED);
        assertThat(stillRunning.get()).as("the handler was still running when the job failed").isTrue();
        assertThat(job.failedReason()).isEqualTo("job timed out after 300 ms");
        release.countDown();
        throughout(Duration.ofMillis(200)).until(() -> queue.getState(id) == JobState.FAILED);
        assertThat(queue.getJob(id).orElseThrow().returnValueJson()).isNull();
    }

    @Test
    default void timedOutAttemptIsRetriedWhileAttemptsRemain() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("slow-once", ctx -> {
            if (ctx.attempt() == 1) {
                Thread.sleep(PATIENCE.toMillis());
            }
            return "second time lucky";
        }).build());
        String id = queue.add("slow-once", null, JobOptions.builder().attempts(2).timeout(Duration.ofMillis(200)).build());
        Job job = awaitState(queue, id, JobState.COMPLETED);
        assertThat(job.attemptsMade()).isEqualTo(2);
        assertThat(job.returnValueJson()).isEqualTo("\"second time lucky\"");
    }

    @Test
    default void gracefulCloseWaitsForActiveJobsAndHandsBackTheRest() throws Exception {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        CountDownLatch bothStarted = new CountDownLatch(2);
        Handlers handlers = Handlers.builder()
                .on("quick", ctx -> {
                    bothStarted.countDown();
                    Thread.sleep(300);
                    return "finished during close";
                })
                .on("long", ctx -> {
                    bothStarted.countDown();
                    while (!ctx.isCancelled()) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            // checked by the loop
                        }
                    }
                    ctx.throwIfCancelled();
                    return "never";
                }).build();
        Worker worker = tq.worker(queueName()).handlers(handlers)
                .options(fastOptions().concurrency(2).build()).build().start();
        String quick = queue.add("quick", null);
        String longJob = queue.add("long", null);
        assertThat(bothStarted.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        List<String> handedBack = worker.close(Duration.ofSeconds(2));
        assertThat(handedBack).containsExactly(longJob);
        assertThat(queue.getState(quick)).isEqualTo(JobState.COMPLETED);
        assertThat(queue.getState(longJob)).isEqualTo(JobState.WAITING);
        assertThat(queue.getJob(longJob).orElseThrow().attemptsMade()).isZero();
        CountDownLatch rerun = new CountDownLatch(1);
        startWorker(tq, Handlers.builder().on("long", ctx -> {
            rerun.countDown();
            return "second worker";
        }).on("quick", ctx -> "x").build());
        assertThat(awaitState(queue, longJob, JobState.COMPLETED).returnValueJson()).isEqualTo("\"second worker\"");
    }

    @Test
    default void aWorkerClosedRightAfterItStartsNeverLeavesAJobActive() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        AtomicInteger runs = new AtomicInteger();
        Handlers handlers = Handlers.builder().on("job", ctx -> runs.incrementAndGet()).build();
        int completed = 0;
        String id = queue.add("job", null);
        for (int round = 0; round < CLOSE_ROUNDS; round++) {
            Worker worker = tq.worker(queueName()).handlers(handlers).options(fastOptions().build()).build().start();
            worker.close();
            JobState state = queue.getState(id);
            assertThat(state).as("round %d: the job after start and close", round)
                    .isIn(JobState.WAITING, JobState.COMPLETED);
            if (state == JobState.COMPLETED) {
                completed++;
                assertThat(runs).as("round %d: each completed job ran once", round).hasValue(completed);
                id = queue.add("job", null);
            }
        }
        assertThat(queue.counts(JobState.ACTIVE).get(JobState.ACTIVE)).isZero();
    }
}
