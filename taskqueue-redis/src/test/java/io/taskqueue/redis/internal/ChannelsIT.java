package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.EventCursor;
import io.taskqueue.JobOptions;
import io.taskqueue.QueueEvent;
import io.taskqueue.Subscription;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.spi.WorkerChannel;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker's channel (marker wait and cancel notifications) and the events subscription. */
@ExtendWith(RedisExtension.class)
class ChannelsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The longest wait the channel allows: what a wait without a wake-up costs. */
    private static final Duration FALLBACK = Duration.ofSeconds(10);
    /** A wake-up must come well inside the fallback, even on a loaded machine. */
    private static final Duration WAKE_UP = Duration.ofSeconds(2);
    private static final Consumer<String> NO_CANCELS = jobId -> { };

    private static boolean blockedOnMarker(ItFixture f) {
        return ((String) f.redis().call("CLIENT", "LIST")).contains("cmd=bzpopmin");
    }

    @Test
    void workerChannelIsNamedForDashboards(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix);
                WorkerChannel channel = f.queue().openWorkerChannel("w-java", NO_CANCELS)) {
            String clients = (String) f.redis().call("CLIENT", "LIST");
            assertThat(clients).contains("name=" + f.keys().workerConnectionName("w-java") + " ");
        }
    }

    @Test
    void awaitWorkWakesUpWhenAJobIsAdded(RedisServer server, RedisTestPrefix prefix) throws Exception {
        try (ItFixture f = ItFixture.open(server, prefix);
                WorkerChannel channel = f.queue().openWorkerChannel(null, NO_CANCELS)) {
            CountDownLatch woke = new CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                try {
                    channel.awaitWork(FALLBACK);
                    woke.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.start();
            await().atMost(PATIENCE).until(() -> blockedOnMarker(f));
            f.add(JobOptions.defaults());
            // A wait that only ends at its timeout returns too, so the bound is what proves the wake-up.
            assertThat(woke.await(WAKE_UP.toMillis(), TimeUnit.MILLISECONDS))
                    .as("woken within %s of the add, not at the %s timeout", WAKE_UP, FALLBACK).isTrue();
        }
    }

    @Test
    void awaitWorkAbortsWhenTheThreadIsInterruptedAndTheChannelStaysUsable(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        try (ItFixture f = ItFixture.open(server, prefix);
                WorkerChannel channel = f.queue().openWorkerChannel(null, NO_CANCELS)) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                try {
                    channel.awaitWork(Duration.ofSeconds(10));
                } catch (Throwable e) {
                    outcome.set(e);
                }
                done.countDown();
            });
            waiter.start();
            await().atMost(PATIENCE).until(() -> blockedOnMarker(f));
            waiter.interrupt();
            assertThat(done.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
            f.add(JobOptions.defaults());
            // the add left the base marker, so the next wait returns at once, not at its timeout
            assertReturnsPromptly(() -> channel.awaitWork(FALLBACK));
        }
    }

    @Test
    void subscriptionDeliversEventsInOrderFromAStreamId(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            List<QueueEvent> fromStart = new CopyOnWriteArrayList<>();
            List<QueueEvent> fromNow = new CopyOnWriteArrayList<>();
            try (Subscription a = f.queue().subscribe(EventCursor.EARLIEST, fromStart::add);
                    Subscription b = f.queue().subscribe(EventCursor.LATEST, fromNow::add)) {
                f.add(JobOptions.defaults());
                await().atMost(PATIENCE).until(() -> fromStart.size() == 4 && fromNow.size() == 2);
                assertThat(fromStart).extracting(QueueEvent::event).containsExactly("added", "waiting", "added", "waiting");
                assertThat(fromNow).extracting(QueueEvent::jobId).containsExactly("2", "2");
                assertThat(fromNow.get(0).field("name")).isEqualTo("job");
                List<QueueEvent> resumed = new CopyOnWriteArrayList<>();
                try (Subscription c = f.queue().subscribe(fromStart.get(1).cursor(), resumed::add)) {
                    await().atMost(PATIENCE).until(() -> resumed.size() == 2);
                    assertThat(resumed.get(0).id()).isEqualTo(fromStart.get(2).id());
                }
            }
        }
    }

    @Test
    void aCursorThatIsNoStreamIdIsRefused(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.queue().subscribe(EventCursor.of("yesterday"),
                    e -> { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream id");
        }
    }

    @Test
    void cancelRequestsReachTheWorkerChannel(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.fetch("t");
            List<String> cancelled = new CopyOnWriteArrayList<>();
            try (WorkerChannel channel = f.queue().openWorkerChannel("w", cancelled::add)) {
                f.queue().cancel("1", "stop", ItFixture.NOW);
                await().atMost(PATIENCE).until(() -> cancelled.contains("1"));
            }
        }
    }

    @Test
    void closingTheChannelEndsABlockedWaitPromptlyAndStopsTheCancelListener(RedisServer server,
            RedisTestPrefix prefix) throws Exception {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            List<String> cancelled = new CopyOnWriteArrayList<>();
            WorkerChannel channel = f.queue().openWorkerChannel("w-closing", cancelled::add);
            CountDownLatch returned = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    channel.awaitWork(Duration.ofSeconds(10));
                } catch (Throwable e) {
                    failure.set(e);
                }
                returned.countDown();
            });
            waiter.start();
            await().atMost(PATIENCE).until(() -> blockedOnMarker(f));
            long start = System.nanoTime();
            channel.close();
            assertThat(returned.await(2, TimeUnit.SECONDS)).as("the wait ends within 2 s of close").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(failure.get()).as("a wait ended by close returns").isNull();
            await().atMost(PATIENCE).until(() -> !blockedOnMarker(f)
                    && !((String) f.redis().call("CLIENT", "LIST")).contains("name=" + f.keys().workerConnectionName(
                            "w-closing") + " "));
            await().atMost(PATIENCE).until(() -> ((List<?>) f.redis().call("PUBSUB", "CHANNELS",
                    f.keys().cancelChannel())).isEmpty());
            f.add(JobOptions.defaults());
            f.fetch("t");
            f.queue().cancel("1", "stop", ItFixture.NOW);
            assertThat(cancelled).as("no cancel delivered after close").isEmpty();
            assertReturnsPromptly(() -> channel.awaitWork(FALLBACK)); // a closed channel returns at once
        }
    }

    /** A wait that may block. */
    private interface Wait {
        void run() throws InterruptedException;
    }

    private static void assertReturnsPromptly(Wait wait) throws InterruptedException {
        long start = System.nanoTime();
        wait.run();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("returned well before the %s timeout", FALLBACK)
                .isLessThan(WAKE_UP);
    }
}
