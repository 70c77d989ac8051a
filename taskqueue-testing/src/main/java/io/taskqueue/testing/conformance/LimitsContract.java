package io.taskqueue.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.Metrics;
import io.taskqueue.Queue;
import io.taskqueue.QueueEvent;
import io.taskqueue.RateLimit;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Global concurrency, rate limits (global, per worker and manual) and metrics (protocol §5.7,
 * §5.16, §5.17). Rate-limit windows run on the datastore's clock, so these tests use real time and
 * only assert lower bounds on spacing, with slack for noisy machines.
 */
abstract class LimitsContract extends ControlContract {
    /** Slack for clock granularity between the worker and the datastore. */
    private static final long SLACK_MS = 100;

    @Test
    void globalConcurrencyCapsRunningJobsAcrossWorkers() {
        Clock clock = Clock.systemUTC();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        queue.limits().setGlobalConcurrency(2);
        assertThat(queue.limits().globalConcurrency()).contains(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        Handlers handlers = Handlers.builder().on("slow", ctx -> {
            highest.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(60);
            running.decrementAndGet();
            return null;
        }).build();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(queue.add("slow", i));
        }
        startWorker(backend, clock, handlers, fastOptions().concurrency(3).build());
        startWorker(second(backend, clock), clock, handlers, fastOptions().concurrency(3).build());
        eventually().until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 10);
        assertThat(highest.get()).isBetween(1, 2);
        queue.limits().removeGlobalConcurrency();
        assertThat(queue.limits().globalConcurrency()).isEmpty();
    }

    @Test
    void globalRateLimitSpacesStartsIntoWindows() {
        Clock clock = Clock.systemUTC();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        queue.limits().setGlobalRateLimit(2, Duration.ofMillis(600));
        assertThat(queue.limits().globalRateLimit()).contains(RateLimit.of(2, Duration.ofMillis(600)));
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 6; i++) {
            queue.add("tick", i);
        }
        startWorker(backend, clock, Handlers.builder().on("tick", ctx -> starts.add(System.currentTimeMillis()))
                .build(), fastOptions().concurrency(4).build());
        eventually().until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 6);
        assertWindows(starts, 2, 600);
        queue.limits().removeGlobalRateLimit();
        assertThat(queue.limits().globalRateLimit()).isEmpty();
    }

    @Test
    void workerLimiterSpacesStartsIntoWindows() {
        Clock clock = Clock.systemUTC();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 5; i++) {
            queue.add("tick", i);
        }
        startWorker(backend, clock, Handlers.builder().on("tick", ctx -> starts.add(System.currentTimeMillis()))
                .build(), fastOptions().concurrency(3).limiter(RateLimit.of(2, Duration.ofMillis(500))).build());
        eventually().until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 5);
        assertWindows(starts, 2, 500);
    }

    /**
     * A fixed window opens at the first start after the previous one expired and admits {@code max}
     * starts: rebuilds the windows from the start times and counts each.
     */
    static void assertWindows(List<Long> starts, int max, long windowMillis) {
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        int i = 0;
        while (i < sorted.size()) {
            long opened = sorted.get(i);
            int inWindow = 0;
            while (i < sorted.size() && sorted.get(i) < opened + windowMillis - SLACK_MS) {
                inWindow++;
                i++;
            }
            assertThat(inWindow).as("starts in the window opened at %d: %s", opened, sorted).isLessThanOrEqualTo(max);
        }
    }

    @Test
    void handlerRateLimitRequeuesAtTheFrontWithoutSpendingAnAttempt() {
        Clock clock = Clock.systemUTC();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        List<QueueEvent> events = recordEvents(queue);
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        String id = queue.add("call", null, JobOptions.builder().attempts(1).build());
        startWorker(backend, clock, Handlers.builder().on("call", ctx -> {
            starts.add(System.currentTimeMillis());
            if (ctx.job().attemptsStarted() == 1) {
                throw ctx.rateLimit(Duration.ofMillis(400));
            }
            return "ok";
        }).build(), fastOptions().limiter(RateLimit.of(1000, Duration.ofSeconds(1))).build());
        Job job = awaitState(queue, id, JobState.COMPLETED);
        assertThat(job.attemptsMade()).isEqualTo(1);
        assertThat(job.attemptsStarted()).isEqualTo(2);
        assertThat(starts).hasSize(2);
        assertThat(starts.get(1) - starts.get(0)).isGreaterThanOrEqualTo(400 - SLACK_MS);
        assertThat(events).filteredOn(e -> id.equals(e.jobId()) && e.event().equals("waiting"))
                .extracting(e -> e.field("prev")).contains("active");
    }

    @Test
    void manualRateLimitIsHonouredOnlyByFetchesThatKnowAMaximum() {
        Clock clock = Clock.systemUTC();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        QueueBackend spi = backend.queue(queueName);
        queue.add("job", null);
        queue.limits().rateLimit(Duration.ofSeconds(20));
        assertThat(queue.limits().rateLimitTtl()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        FetchResult limited = spi.fetch(new FetchRequest("w:1", 5_000, null, clock.millis(),
                RateLimit.of(5, Duration.ofSeconds(1))));
        assertThat(limited).isInstanceOf(FetchResult.RateLimited.class);
        assertThat(((FetchResult.RateLimited) limited).ttlMillis()).isBetween(1L, 20_000L);
        queue.limits().removeRateLimitKey();
        assertThat(queue.limits().rateLimitTtl()).isZero();
        assertThat(spi.fetch(new FetchRequest("w:2", 5_000, null, clock.millis(),
                RateLimit.of(5, Duration.ofSeconds(1))))).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void metricsCountFinishedJobsPerMinute() {
        long minute = 60_000;
        MutableClock clock = MutableClock.at(Instant.ofEpochMilli((System.currentTimeMillis() / minute) * minute
                + 1_000));
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        QueueBackend spi = backend.queue(queueName);
        long t0 = clock.millis();
        finishOne(queue, spi, t0);
        finishOne(queue, spi, t0 + minute);
        finishOne(queue, spi, t0 + 3 * minute);
        Metrics m = queue.getMetrics(Metrics.Type.COMPLETED);
        assertThat(m.count()).isEqualTo(3);
        assertThat(m.prevCount()).isEqualTo(2);
        assertThat(m.prevTimestamp()).isEqualTo(t0 + 3 * minute);
        assertThat(m.data()).containsExactly(0L, 1L, 1L);
        assertThat(m.totalPoints()).isEqualTo(3);
        assertThat(queue.getMetrics(Metrics.Type.COMPLETED, 0, 0).data()).containsExactly(0L);
        assertThat(queue.getMetrics(Metrics.Type.FAILED).count()).isZero();
    }

    private static void finishOne(Queue queue, QueueBackend spi, long now) {
        String id = queue.add("m", null);
        FetchResult r = spi.fetch(new FetchRequest("m:" + id, 5_000, null, now));
        assertThat(r).isInstanceOf(FetchResult.Fetched.class);
        spi.finish(new FinishRequest(id, "m:" + id, now, true, "null", null, KeepJobs.all(), null, 10));
    }

    @Test
    void workersCollectMetricsWhenAsked() {
        Clock clock = Clock.systemUTC();
        Backend backend = backend(clock);
        Queue queue = queue(backend, clock);
        startWorker(backend, clock, Handlers.builder().on("ok", ctx -> null).on("bad", ctx -> {
            throw new IllegalStateException("no");
        }).build(), fastOptions().metricsMaxDataPoints(60).build());
        String ok = queue.add("ok", null);
        String bad = queue.add("bad", null);
        awaitState(queue, ok, JobState.COMPLETED);
        awaitState(queue, bad, JobState.FAILED);
        eventually().until(() -> queue.getMetrics(Metrics.Type.COMPLETED).count() == 1
                && queue.getMetrics(Metrics.Type.FAILED).count() == 1);
    }
}
