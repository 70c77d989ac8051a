package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A worker with a free slot that has not fetched for too long is down; a busy one is not held to it. */
class HealthCheckSilenceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** A clock the test moves; the core cannot use the test kit's, which depends on it. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    // A long drain delay keeps the idle worker from fetching again while the clock moves, and a long
    // lock keeps the moved clock from expiring a running job's lock.
    private static final WorkerOptions IDLE = WorkerOptions.builder().concurrency(1).drainDelay(Duration.ofMinutes(5))
            .lockDuration(Duration.ofMinutes(10)).closeTimeout(Duration.ofSeconds(1)).build();

    @Test
    void aWorkerWithAFreeSlotIsDownAfterTooLongWithoutAFetch() {
        MovableClock clock = new MovableClock();
        try (TaskQueue tq = TaskQueue.builder().backend("memory:").clock(clock).build()) {
            tq.worker("q").handlers(Handlers.builder().on("j", ctx -> null).build()).options(IDLE).build().start();
            HealthCheck check = tq.healthCheck(HealthCheckOptions.builder().interval(Duration.ofMillis(20))
                    .maxFetchSilence(Duration.ofSeconds(30)).build());
            await().atMost(PATIENCE).until(() -> check.report().isUp());
            clock.advance(Duration.ofSeconds(31));
            HealthReport report = check.report();
            assertThat(report.status()).isEqualTo(HealthReport.Status.DOWN);
            assertThat(report.workers()).singleElement().satisfies(w -> assertThat(w.healthy()).isFalse());
        }
    }

    @Test
    void aWorkerWhoseSlotsAreAllBusyIsNotHeldToItsSilence() throws Exception {
        MovableClock clock = new MovableClock();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Handlers blocking = Handlers.builder().on("j", ctx -> {
            running.countDown();
            return release.await(1, TimeUnit.MINUTES);
        }).build();
        try (TaskQueue tq = TaskQueue.builder().backend("memory:").clock(clock).build()) {
            tq.queue("q").add("j", Map.of());
            tq.worker("q").handlers(blocking).options(IDLE).build().start();
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            HealthCheck check = tq.healthCheck(HealthCheckOptions.builder().interval(Duration.ofMillis(20))
                    .maxFetchSilence(Duration.ofSeconds(30)).build());
            clock.advance(Duration.ofSeconds(31));
            await().atMost(PATIENCE).until(check::backendReachable);
            HealthReport report = check.report();
            assertThat(report.workers()).singleElement().satisfies(w -> {
                assertThat(w.health().activeJobs()).isEqualTo(1);
                assertThat(w.health().sinceLastFetch()).isGreaterThan(Duration.ofSeconds(30));
                assertThat(w.healthy()).isTrue();
            });
            assertThat(report.isUp()).isTrue();
            release.countDown();
        }
    }
}
