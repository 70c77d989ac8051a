package io.taskqueue.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.spi.Backends;
import io.taskqueue.testing.FaultInjectingBackend;
import io.taskqueue.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meters on the in-memory backend, after known sequences of jobs. */
class TaskQueueMetricsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final MetricsOptions FAST = MetricsOptions.builder().pollInterval(Duration.ofMillis(20)).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Meters meters = new Meters(registry);
    /** Whether each timer asked for a percentile histogram (the simple registry publishes no buckets). */
    private final Map<String, Boolean> histograms = new ConcurrentHashMap<>();

    {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                histograms.put(id.getName(), Boolean.TRUE.equals(config.isPercentileHistogram()));
                return config;
            }
        });
    }

    private static Handlers okAndBad() {
        return Handlers.builder().on("ok", ctx -> "done").on("bad", ctx -> {
            throw new IllegalStateException("always");
        }).build();
    }

    @Test
    void countersTimersAndGaugesAfterThreeCompletedAndTwoFailedAfterRetries() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        try (TaskQueue tq = TaskQueue.builder().backend("memory:").clock(clock)
                .extension(TaskQueueMetrics.of(registry, FAST)).build(); JobQueue queue = tq.queue("q")) {
            for (int i = 0; i < 3; i++) {
                queue.add("ok", Map.of());
            }
            for (int i = 0; i < 2; i++) {
                queue.add("bad", Map.of(), JobOptions.builder().attempts(2).build());
            }
            // Every job waits exactly 5 s on the task queue's clock before its first attempt.
            clock.advance(Duration.ofSeconds(5));
            try (Worker worker = tq.worker("q").handlers(okAndBad()).build().start()) {
                await().atMost(PATIENCE).until(() -> meters.count(MeterNames.JOBS_FAILED) == 2
                        && meters.count(MeterNames.JOBS_COMPLETED) == 3);
            }
            assertThat(meters.count(MeterNames.JOBS_ADDED, "job_name", "ok")).isEqualTo(3);
            assertThat(meters.count(MeterNames.JOBS_ADDED, "job_name", "bad")).isEqualTo(2);
            assertThat(meters.count(MeterNames.JOBS_COMPLETED, "queue", "q", "job_name", "ok")).isEqualTo(3);
            assertThat(meters.count(MeterNames.JOBS_FAILED, "job_name", "bad", "category", "processing",
                    "outcome", "failed")).isEqualTo(2);
            assertThat(meters.count(MeterNames.JOBS_RETRIED, "job_name", "bad", "category", "processing"))
                    .isEqualTo(2);
            assertThat(meters.count(MeterNames.JOBS_STALLED)).isZero();
            assertThat(meters.count(MeterNames.JOBS_LOCK_LOST)).isZero();

            assertThat(meters.timerCount(MeterNames.JOB_DURATION, "outcome", "completed")).isEqualTo(3);
            assertThat(meters.timerCount(MeterNames.JOB_DURATION, "outcome", "retried")).isEqualTo(2);
            assertThat(meters.timerCount(MeterNames.JOB_DURATION, "outcome", "failed")).isEqualTo(2);
            // Retries record no wait: only the five first attempts, 5 s each.
            Timer wait = registry.get(MeterNames.JOB_WAIT).tag("job_name", "ok").timer();
            assertThat(wait.count()).isEqualTo(3);
            assertThat(wait.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(15_000);
            assertThat(wait.max(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
            assertThat(meters.timerCount(MeterNames.JOB_WAIT)).isEqualTo(5);
            assertThat(histograms).containsEntry(MeterNames.JOB_WAIT, true).containsEntry(MeterNames.JOB_DURATION, true);

            await().atMost(PATIENCE).until(() -> meters.gauge(MeterNames.QUEUE_JOBS, "state", "completed") == 3);
            assertThat(meters.gauge(MeterNames.QUEUE_JOBS, "queue", "q", "state", "failed")).isEqualTo(2);
            assertThat(meters.gauge(MeterNames.QUEUE_JOBS, "state", "waiting")).isZero();
            assertThat(meters.gauge(MeterNames.QUEUE_JOBS, "state", "active")).isZero();
            assertThat(meters.gauge(MeterNames.JOBS_ACTIVE, "queue", "q")).isZero();
        }
    }

    @Test
    void activeJobsAreCountedWhileAHandlerRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Handlers blocking = Handlers.builder().on("slow", ctx -> release.await(1, TimeUnit.MINUTES)).build();
        try (TaskQueue tq = TaskQueue.builder().backend("memory:").extension(TaskQueueMetrics.of(registry, FAST))
                .build(); JobQueue queue = tq.queue("busy")) {
            queue.add("slow", Map.of());
            queue.add("slow", Map.of());
            try (Worker worker = tq.worker("busy").handlers(blocking)
                    .options(io.taskqueue.WorkerOptions.builder().concurrency(2).build()).build().start()) {
                await().atMost(PATIENCE).until(() -> meters.gauge(MeterNames.JOBS_ACTIVE, "queue", "busy") == 2);
                await().atMost(PATIENCE).until(() -> meters.gauge(MeterNames.QUEUE_JOBS, "state", "active") == 2);
                release.countDown();
                await().atMost(PATIENCE).until(() -> meters.gauge(MeterNames.JOBS_ACTIVE, "queue", "busy") == 0);
            }
        }
    }

    @Test
    void theJobNameTagCanBeDroppedAndCommonTagsAreAdded() {
        MetricsOptions options = MetricsOptions.builder().jobNameTag(false).tags("worker_type", "w")
                .pollInterval(Duration.ofMillis(20)).queue("listed").build();
        try (TaskQueue tq = TaskQueue.builder().backend("memory:").extension(TaskQueueMetrics.of(registry, options))
                .build(); JobQueue queue = tq.queue("q")) {
            queue.add("ok", Map.of());
            queue.add("bad", Map.of());
            try (Worker worker = tq.worker("q").handlers(okAndBad()).build().start()) {
                await().atMost(PATIENCE).until(() -> meters.count(MeterNames.JOBS_FAILED) == 1);
            }
            await().atMost(PATIENCE).until(() -> meters.gauge(MeterNames.QUEUE_JOBS, "queue", "listed",
                    "state", "waiting") == 0);
            for (Meter meter : registry.getMeters()) {
                assertThat(meter.getId().getTag("job_name")).as(meter.getId().toString()).isNull();
                assertThat(meter.getId().getTag("worker_type")).as(meter.getId().toString()).isEqualTo("w");
            }
            assertThat(meters.count(MeterNames.JOBS_ADDED, "queue", "q")).isEqualTo(2);
        }
    }

    @Test
    void depthGaugesReadNanWhileTheBackendFailsAndRecoverAfter() {
        FaultInjectingBackend[] fault = new FaultInjectingBackend[1];
        try (TaskQueue tq = TaskQueue.builder()
                .backend(ctx -> fault[0] = FaultInjectingBackend.wrap(Backends.open("memory:", ctx)))
                .extension(TaskQueueMetrics.of(registry, FAST)).build()) {
            tq.queue("q").add("ok", Map.of());
            await().atMost(PATIENCE).until(() -> meters.gauge(MeterNames.QUEUE_JOBS, "state", "waiting") == 1);
            fault[0].unreachable(true);
            await().atMost(PATIENCE).until(() -> Double.isNaN(meters.gauge(MeterNames.QUEUE_JOBS, "state", "waiting")));
            assertThat(meters.gauge(MeterNames.QUEUE_JOBS, "state", "completed")).isNaN();
            fault[0].unreachable(false);
            await().atMost(PATIENCE).until(() -> meters.gauge(MeterNames.QUEUE_JOBS, "state", "waiting") == 1);
        }
    }

    @Test
    void anExtensionIsInstalledOnceAndClosingRemovesItsGauges() {
        TaskQueueMetrics metrics = TaskQueueMetrics.of(registry, FAST);
        try (TaskQueue tq = TaskQueue.builder().backend("memory:").extension(metrics).build()) {
            tq.queue("q").add("ok", Map.of());
            await().atMost(PATIENCE).until(() -> meters.gauge(MeterNames.QUEUE_JOBS, "state", "waiting") == 1);
            assertThatThrownBy(() -> TaskQueue.builder().backend("memory:").extension(metrics).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("one task queue");
        }
        assertThat(registry.find(MeterNames.QUEUE_JOBS).gauges()).isEmpty();
        assertThat(meters.count(MeterNames.JOBS_ADDED)).as("counters stay").isEqualTo(1);
    }
}
