package io.taskqueue.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.spi.Backends;
import io.taskqueue.testing.FaultInjectingBackend;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A worker whose lock renewals silently fail: its job is recovered as stalled, and its late result is a lock loss. */
class StallAndLockLossTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void aStallAndTheLateResultAreCountedOnceEach() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Meters meters = new Meters(registry);
        FaultInjectingBackend[] fault = new FaultInjectingBackend[1];
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Handlers handlers = Handlers.builder().on("slow", ctx -> {
            if (runs.incrementAndGet() == 1) {
                release.await(1, TimeUnit.MINUTES);
            }
            return "done";
        }).build();
        WorkerOptions options = WorkerOptions.builder().concurrency(2).lockDuration(Duration.ofMillis(300))
                .stalledInterval(Duration.ofMillis(100)).drainDelay(Duration.ofMillis(50)).build();
        try (TaskQueue tq = TaskQueue.builder()
                .backend(ctx -> fault[0] = FaultInjectingBackend.wrap(Backends.open("memory:", ctx)).renewLocks(false))
                .extension(TaskQueueMetrics.of(registry)).build(); JobQueue queue = tq.queue("q")) {
            String id = queue.add("slow", Map.of());
            try (Worker worker = tq.worker("q").handlers(handlers).options(options).build().start()) {
                await().atMost(PATIENCE).until(() -> queue.getState(id) == JobState.COMPLETED);
                assertThat(meters.count(MeterNames.JOBS_STALLED, "queue", "q")).isEqualTo(1);
                // The recovered run finished; the first, whose lock was lost, still runs here.
                assertThat(meters.gauge(MeterNames.JOBS_ACTIVE, "queue", "q")).isEqualTo(1);
                release.countDown();
                await().atMost(PATIENCE).until(() -> meters.count(MeterNames.JOBS_LOCK_LOST) == 1);
            }
            assertThat(meters.count(MeterNames.JOBS_LOCK_LOST, "queue", "q", "job_name", "slow")).isEqualTo(1);
            assertThat(meters.count(MeterNames.JOBS_COMPLETED)).isEqualTo(1);
            assertThat(meters.timerCount(MeterNames.JOB_DURATION, "outcome", "lock_lost")).isEqualTo(1);
            assertThat(meters.timerCount(MeterNames.JOB_DURATION, "outcome", "completed")).isEqualTo(1);
            assertThat(meters.gauge(MeterNames.JOBS_ACTIVE, "queue", "q")).isZero();
        }
    }
}
