package io.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.spi.Backend;
import io.taskqueue.spi.Backends;
import io.taskqueue.spi.QueueBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The reusable health check: backend answers on its own thread, workers by their state. */
class HealthCheckTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Handlers NOOP = Handlers.builder().on("j", ctx -> null).build();

    /** The memory backend, with a switch that makes every queue lookup hang like a reconnecting client. */
    private static final class HangingBackend implements Backend {
        final Backend delegate;
        final AtomicBoolean hang = new AtomicBoolean();
        final CountDownLatch released = new CountDownLatch(1);

        HangingBackend(Backend delegate) {
            this.delegate = delegate;
        }

        @Override
        public QueueBackend queue(String queueName) {
            if (hang.get() && Thread.currentThread().getName().startsWith("taskqueue-health")) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.queue(queueName);
        }

        @Override
        public List<String> queueNames() {
            return delegate.queueNames();
        }

        @Override
        public Set<Capability> capabilities() {
            return delegate.capabilities();
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public void close() {
            released.countDown();
            delegate.close();
        }
    }

    @Test
    void aProducerIsUpWhenItsBackendAnswersAndWorkersMustRun() {
        try (TaskQueue tq = TaskQueue.open("memory:")) {
            HealthCheck check = tq.healthCheck(Duration.ofMillis(50));
            await().atMost(PATIENCE).until(() -> check.report().isUp());
            assertThat(check.report().workers()).isEmpty();
            assertThat(check.report().details()).containsEntry("status", "UP").containsEntry("backend", "UP")
                    .containsEntry("workers", List.of());

            Worker idle = tq.worker("q").handlers(NOOP).build();
            HealthReport notStarted = check.report();
            assertThat(notStarted.status()).isEqualTo(HealthReport.Status.DOWN);
            assertThat(notStarted.workers()).singleElement().satisfies(w -> {
                assertThat(w.queue()).isEqualTo("q");
                assertThat(w.healthy()).isFalse();
                assertThat(w.health().state()).isEqualTo(WorkerHealth.State.NEW);
            });

            idle.start();
            await().atMost(PATIENCE).until(() -> check.report().isUp());
            @SuppressWarnings("unchecked")
            Map<String, Object> worker = ((List<Map<String, Object>>) check.report().details().get("workers")).get(0);
            assertThat(worker).containsEntry("queue", "q").containsEntry("status", "UP")
                    .containsEntry("state", "RUNNING").containsKey("lastFetch");

            idle.close();
            assertThat(check.report().workers()).isEmpty();
        }
    }

    @Test
    void aHangingBackendTurnsStaleAndDownWithoutBlockingTheReport() {
        HangingBackend[] backend = new HangingBackend[1];
        try (TaskQueue tq = TaskQueue.builder().backend(ctx -> backend[0] = new HangingBackend(Backends.open("memory:",
                ctx))).build()) {
            HealthCheck check = tq.healthCheck(Duration.ofMillis(50));
            await().atMost(PATIENCE).until(() -> check.backendReachable());
            backend[0].hang.set(true);
            await().atMost(PATIENCE).until(() -> !check.report().isUp());
            HealthReport down = check.report();
            assertThat(down.backendReachable()).isFalse();
            assertThat(down.lastBackendAnswer()).isNotNull();
            assertThat(down.lastError()).startsWith("no answer since ");
            assertThat(down.details()).containsEntry("backend", "DOWN").containsKey("backendError");

            backend[0].hang.set(false);
            backend[0].released.countDown();
            await().atMost(PATIENCE).until(() -> check.report().isUp());
        }
    }

    @Test
    void optionsAreChecked() {
        assertThat(HealthCheckOptions.defaults().interval()).isEqualTo(HealthCheckOptions.DEFAULT_INTERVAL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HealthCheckOptions.builder()
                .interval(Duration.ZERO).build()).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HealthCheckOptions.builder()
                .probeQueue("a:b").build()).isInstanceOf(IllegalArgumentException.class);
    }
}
