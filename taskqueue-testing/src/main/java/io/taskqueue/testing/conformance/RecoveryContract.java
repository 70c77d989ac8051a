package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.PATIENCE;
import static io.taskqueue.testing.conformance.Conformance.awaitEvent;
import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.LockLostException;
import io.taskqueue.QueueEvent;
import io.taskqueue.TaskQueue;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Dead workers, lost locks and starved threads: a job is never lost and never finished twice. */
public interface RecoveryContract extends BackendContract {

    /** Takes a job the way a worker would, then "dies": its lock is never renewed. */
    private static Job fetchAndDie(QueueBackend queue, Clock clock, long lockMillis) {
        FetchResult result = queue.fetch(new FetchRequest("dead-worker:1", lockMillis, "dead", clock.millis()));
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return ((FetchResult.Fetched) result).job();
    }

    @Test
    default void jobOfADeadWorkerRunsAgain() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<QueueEvent> events = recordEvents(queue);
        String id = queue.add("work", null);
        fetchAndDie(spi(tq), clock, 300);
        startWorker(tq, Handlers.builder().on("work", ctx -> "recovered").build(),
                fastOptions().stalledInterval(Duration.ofMillis(300)).build());
        Job job = awaitState(queue, id, JobState.COMPLETED);
        assertThat(job.returnValueJson()).isEqualTo("\"recovered\"");
        assertThat(job.stalledCounter()).isEqualTo(1);
        assertThat(job.attemptsStarted()).isEqualTo(2);
        awaitEvent(events, e -> e.event().equals("stalled") && id.equals(e.jobId()));
    }

    @Test
    default void jobStalledMoreThanAllowedFails() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        String id = queue.add("work", null);
        fetchAndDie(spi(tq), clock, 300);
        startWorker(tq, Handlers.builder().on("work", ctx -> "must not run").build(),
                fastOptions().stalledInterval(Duration.ofMillis(300)).maxStalledCount(0).build());
        Job job = awaitState(queue, id, JobState.FAILED);
        assertThat(job.failedReason()).isEqualTo("job stalled more than allowable limit");
        assertThat(job.returnValueJson()).isNull();
        assertThat(job.deferredFailure()).isNull();
    }

    @Test
    default void lateCompletionWithALostLockIsRejected() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
        String id = queue.add("work", null);
        fetchAndDie(spi, clock, 200);
        eventually().until(() -> spi.checkStalled(1, 1, clock.millis()).contains(id));
        FetchResult second = spi.fetch(new FetchRequest("new-owner:1", 30_000, "new", clock.millis()));
        assertThat(second).isInstanceOf(FetchResult.Fetched.class);
        assertThatThrownBy(() -> spi.finish(new FinishRequest(id, "dead-worker:1", clock.millis(), true,
                "\"stale\"", null, KeepJobs.all(), null))).isInstanceOf(LockLostException.class);
        spi.finish(new FinishRequest(id, "new-owner:1", clock.millis(), true, "\"fresh\"", null, KeepJobs.all(), null));
        assertThat(queue.getJob(id).orElseThrow().returnValueJson()).isEqualTo("\"fresh\"");
    }

    @Test
    default void workerThatLosesItsLockStopsItsHandlerAndItsResultIsDropped() throws Exception {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        Conformance.FaultyProcess paused = conformance().faultyProcess(tq, clock);
        paused.faults().renewLocks(false);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Optional<String>> seenStop = new AtomicReference<>();
        startWorker(paused.taskQueue(), Handlers.builder().on("work", ctx -> {
            started.countDown();
            long until = System.nanoTime() + PATIENCE.toNanos();
            while (!ctx.isCancelled() && System.nanoTime() < until) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    // Interrupts are how the worker tells us; the flag is checked above.
                }
            }
            seenStop.set(ctx.cancellationReason());
            return "from the old owner";
        }).build(), fastOptions().lockDuration(Duration.ofMillis(400)).stalledInterval(Duration.ofMillis(100)).build());
        String id = queue.add("work", null);
        assertThat(started.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        QueueBackend spi = spi(tq);
        // Whoever runs the stall check (the test or the paused worker) puts the job back.
        eventually().until(() -> {
            spi.checkStalled(1, 100, clock.millis());
            return queue.getJob(id).orElseThrow().stalledCounter() >= 1;
        });
        startWorker(tq, Handlers.builder().on("work", ctx -> "from the new owner").build());
        awaitState(queue, id, JobState.COMPLETED);
        paused.faults().renewLocks(true);
        eventually().until(() -> seenStop.get() != null);
        assertThat(seenStop.get()).contains("lock lost");
        Job job = queue.getJob(id).orElseThrow();
        assertThat(job.returnValueJson()).isEqualTo("\"from the new owner\"");
        assertThat(job.attemptsMade()).isEqualTo(1);
    }

    @Test
    default void cpuBusyHandlersDoNotLoseTheirLocks() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<QueueEvent> events = recordEvents(queue);
        int jobs = 2 * Runtime.getRuntime().availableProcessors() + 2;
        Duration lock = Duration.ofMillis(1500);
        startWorker(tq, Handlers.builder().on("spin", ctx -> {
            long until = System.nanoTime() + lock.multipliedBy(3).toNanos();
            long x = 0;
            while (System.nanoTime() < until) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
            }
            return x >= 0;
        }).build(), fastOptions().concurrency(jobs).lockDuration(lock).stalledInterval(Duration.ofMillis(300)).build());
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            ids.add(queue.add("spin", null));
        }
        for (String id : ids) {
            Job job = awaitState(queue, id, JobState.COMPLETED);
            assertThat(job.attemptsStarted()).as("job %s started once", id).isEqualTo(1);
            assertThat(job.stalledCounter()).isZero();
        }
        assertThat(events).noneMatch(e -> e.event().equals("stalled"));
    }
}
