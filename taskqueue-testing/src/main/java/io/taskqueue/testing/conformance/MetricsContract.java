package io.taskqueue.testing.conformance;

import static io.taskqueue.testing.conformance.Conformance.awaitState;
import static io.taskqueue.testing.conformance.Conformance.eventually;
import static io.taskqueue.testing.conformance.Conformance.fastOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Capability;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.Metrics;
import io.taskqueue.TaskQueue;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.FinishRequest;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.testing.MutableClock;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Per-minute counts of finished jobs, collected by finishes that ask for them. */
@CapabilityContract(Capability.METRICS)
public interface MetricsContract extends BackendContract {
    @Test
    default void metricsCountFinishedJobsPerMinute() {
        long minute = 60_000;
        MutableClock clock = MutableClock.at(Instant.ofEpochMilli((System.currentTimeMillis() / minute) * minute
                + 1_000));
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        QueueBackend spi = spi(tq);
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

    @Test
    default void workersCollectMetricsWhenAsked() {
        Clock clock = Clock.systemUTC();
        TaskQueue tq = taskQueue(clock);
        JobQueue queue = queue(tq);
        startWorker(tq, Handlers.builder().on("ok", ctx -> null).on("bad", ctx -> {
            throw new IllegalStateException("no");
        }).build(), fastOptions().metricsMaxDataPoints(60).build());
        String ok = queue.add("ok", null);
        String bad = queue.add("bad", null);
        awaitState(queue, ok, JobState.COMPLETED);
        awaitState(queue, bad, JobState.FAILED);
        eventually().until(() -> queue.getMetrics(Metrics.Type.COMPLETED).count() == 1
                && queue.getMetrics(Metrics.Type.FAILED).count() == 1);
    }

    private static void finishOne(JobQueue queue, QueueBackend spi, long now) {
        String id = queue.add("m", null);
        FetchResult r = spi.fetch(new FetchRequest("m:" + id, 5_000, null, now));
        assertThat(r).isInstanceOf(FetchResult.Fetched.class);
        spi.finish(new FinishRequest(id, "m:" + id, now, true, "null", null, KeepJobs.all(), null, 10));
    }
}
