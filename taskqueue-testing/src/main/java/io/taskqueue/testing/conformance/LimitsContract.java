package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.QueueEvent;
import io.taskqueue.RateLimit;
import io.taskqueue.TaskQueue;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.QueueBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Global concurrency, rate limits (global, per worker and manual) and metrics (docs/protocol.md §5.7,
 * §5.16, §5.17). Rate-limit windows run on the datastore's clock, so these tests use real time and
 * only assert lower bounds on spacing, with slack for noisy machines.
 */
@CapabilityContract(Capability.LIMITS)
public interface LimitsContract extends BackendContract {
    /** Slack for clock granularity between the worker and the datastore. */

    @Test
    default void globalConcurrencyCapsRunningJobsAcrossWorkers() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
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
        startWorker(tq, handlers, fastOptions().concurrency(3).build());
        startWorker(secondProcess(tq, clock), handlers, fastOptions().concurrency(3).build());
        eventually().until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 10);
        assertThat(highest.get()).isBetween(1, 2);
        queue.limits().removeGlobalConcurrency();
        assertThat(queue.limits().globalConcurrency()).isEmpty();
    }

    @Test
    default void globalRateLimitSpacesStartsIntoWindows() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        queue.limits().setGlobalRateLimit(2, Duration.ofMillis(600));
        assertThat(queue.limits().globalRateLimit()).contains(RateLimit.of(2, Duration.ofMillis(600)));
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 6; i++) {
            queue.add("tick", i);
        }
        startWorker(tq, Handlers.builder().on("tick", ctx -> starts.add(System.currentTimeMillis()))
                .build(), fastOptions().concurrency(4).build());
        eventually().until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 6);
        RateWindows.assertWindows(starts, 2, 600);
        queue.limits().removeGlobalRateLimit();
        assertThat(queue.limits().globalRateLimit()).isEmpty();
    }

    @Test
    default void workerLimiterSpacesStartsIntoWindows() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 5; i++) {
            queue.add("tick", i);
        }
        startWorker(tq, Handlers.builder().on("tick", ctx -> starts.add(System.currentTimeMillis()))
                .build(), fastOptions().concurrency(3).limiter(RateLimit.of(2, Duration.ofMillis(500))).build());
        eventually().until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 5);
        RateWindows.assertWindows(starts, 2, 500);
    }

    @Test
    default void handlerRateLimitRequeuesAtTheFrontWithoutSpendingAnAttempt() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        List<QueueEvent> events = recordEvents(queue);
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        String id = queue.add("call", null, JobOptions.builder().attempts(1).build());
        startWorker(tq, Handlers.builder().on("call", ctx -> {
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
        assertThat(starts.get(1) - starts.get(0)).isGreaterThanOrEqualTo(400 - RateWindows.SLACK_MS);
        assertThat(events).filteredOn(e -> id.equals(e.jobId()) && e.event().equals("waiting"))
                .extracting(e -> e.field("prev")).contains("active");
    }

    @Test
    default void manualRateLimitIsHonouredOnlyByFetchesThatKnowAMaximum() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
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


}
