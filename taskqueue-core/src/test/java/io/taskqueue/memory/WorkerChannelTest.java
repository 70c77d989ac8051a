package io.taskqueue.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.BackendException;
import io.taskqueue.spi.WorkerChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** docs/protocol.md §7: wake-ups. Long maxWaits make a missing wake-up fail the bounded joins below. */
class WorkerChannelTest extends MemoryTestSupport {
    private static final Duration LONG = Duration.ofMinutes(5);

    private CompletableFuture<Void> awaitAsync(WorkerChannel channel, CountDownLatch started) {
        return CompletableFuture.runAsync(() -> {
            started.countDown();
            try {
                channel.awaitWork(LONG);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anAddWakesAWaitingWorker() throws Exception {
        try (WorkerChannel channel = q.openWorkerChannel("w1", jobId -> { })) {
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Void> waiting = awaitAsync(channel, started);
            started.await();
            add("a");
            waiting.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMarkerSetBeforeWaitingIsNotLost() throws InterruptedException {
        add("a");
        try (WorkerChannel channel = q.openWorkerChannel("w1", jobId -> { })) {
            long t0 = System.nanoTime();
            channel.awaitWork(LONG);
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test
    void maxWaitIsHonouredWhenNothingHappens() throws InterruptedException {
        try (WorkerChannel channel = q.openWorkerChannel("w1", jobId -> { })) {
            long t0 = System.nanoTime();
            channel.awaitWork(Duration.ofMillis(30));
            long elapsed = System.nanoTime() - t0;
            assertThat(elapsed).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30))
                    .isLessThan(TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test
    void pausedAddsDoNotWakeButResumeDoes() throws Exception {
        admin.pause();
        add("a");
        try (WorkerChannel channel = q.openWorkerChannel("w1", jobId -> { })) {
            long t0 = System.nanoTime();
            channel.awaitWork(Duration.ofMillis(30));
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Void> waiting = awaitAsync(channel, started);
            started.await();
            admin.resume();
            waiting.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDelayedAddWakesTheWorkerToReplan() throws Exception {
        try (WorkerChannel channel = q.openWorkerChannel("w1", jobId -> { })) {
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Void> waiting = awaitAsync(channel, started);
            started.await();
            addDelayed("d", 1_000, 100);
            waiting.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void interruptEndsTheWaitPromptly() throws InterruptedException {
        try (WorkerChannel channel = q.openWorkerChannel("w1", jobId -> { })) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                started.countDown();
                try {
                    channel.awaitWork(LONG);
                } catch (Throwable e) {
                    outcome.set(e);
                }
            });
            t.start();
            started.await();
            t.interrupt();
            t.join(5_000);
            assertThat(t.isAlive()).isFalse();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void closingTheChannelReleasesItsWaiter() throws Exception {
        WorkerChannel channel = q.openWorkerChannel("w1", jobId -> { });
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> waiting = awaitAsync(channel, started);
        started.await();
        channel.close();
        waiting.get(5, TimeUnit.SECONDS);
    }

    @Test
    void closingTheBackendFailsTheWaitLikeADroppedConnection() throws Exception {
        try (WorkerChannel channel = q.openWorkerChannel("w1", jobId -> { })) {
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Void> waiting = awaitAsync(channel, started);
            started.await();
            backend.close();
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(BackendException.class);
        }
    }
}
