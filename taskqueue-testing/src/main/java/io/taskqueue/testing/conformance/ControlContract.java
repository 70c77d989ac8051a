package io.taskqueue.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.Queue;
import io.taskqueue.Worker;
import io.taskqueue.spi.Backend;
import io.taskqueue.testing.FaultInjectingBackend;
import io.taskqueue.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Cancellation, hard timeouts and graceful close. */
abstract class ControlContract extends RecoveryContract {

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
        Backend backend = backend(clock);
        FaultInjectingBackend workerSide = track(FaultInjectingBackend.wrap(backend))
                .deliverCancelNotifications(notificationsDelivered);
        CountDownLatch started = new CountDownLatch(1);
        startWorker(workerSide, clock, untilCancelled(started),
                fastOptions().lockDuration(Duration.ofMillis(800)).build());
        Queue producer = queue(backend, clock);
        String id = producer.add("long", null, JobOptions.builder().attempts(3).build());
        assertThat(started.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        Queue operator = track(Queue.builder(second(backend, clock), queueName).clock(clock).build());
        assertThat(operator.cancel(id)).isTrue();
        Job job = awaitState(producer, id, JobState.FAILED);
        assertThat(job.failedReason()).isEqualTo("cancelled");
        assertThat(job.attemptsStarted()).as("a cancelled job is not retried").isEqualTo(1);
        assertThat(operator.cancel(id)).as("cancelling a finished job").isFalse();
    }

    @Test
    void cancellingARunningJobFromAnotherInstanceStopsItsHandler() throws Exception {
        cancelRunningJobFromAnotherInstance(true);
    }

    @Test
    void cancellationReachesTheHandlerEvenWhenTheNotificationIsLost() throws Exception {
        cancelRunningJobFromAnotherInstance(false);
    }

    @Test
    void cancelledDelayedJobNeverRuns() {
        MutableClock clock = MutableClock.startingNow();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        AtomicBoolean ran = new AtomicBoolean();
        startWorker(backend, clock, Handlers.builder().on("later", ctx -> ran.getAndSet(true)).build());
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
    void hardTimeoutFailsTheAttemptEvenIfTheHandlerIgnoresInterrupts() throws Exception {
        Clock clock = Clock.systemUTC();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean stillRunning = new AtomicBoolean();
        startWorker(backend, clock, Handlers.builder().on("stuck", ctx -> {
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
    void timedOutAttemptIsRetriedWhileAttemptsRemain() {
        Clock clock = Clock.systemUTC();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        startWorker(backend, clock, Handlers.builder().on("slow-once", ctx -> {
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
    void gracefulCloseWaitsForActiveJobsAndHandsBackTheRest() throws Exception {
        Clock clock = Clock.systemUTC();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
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
        Worker worker = Worker.builder(backend, queueName).clock(clock).handlers(handlers)
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
        startWorker(backend, clock, Handlers.builder().on("long", ctx -> {
            rerun.countDown();
            return "second worker";
        }).on("quick", ctx -> "x").build());
        assertThat(awaitState(queue, longJob, JobState.COMPLETED).returnValueJson()).isEqualTo("\"second worker\"");
    }
}
