package io.taskqueue.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker's marker channel, the events subscription and cancel notifications. */
@ExtendWith(RedisExtension.class)
class ChannelsIT {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void workerChannelIsNamedForDashboards(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix);
                WorkerChannel channel = f.queue().openWorkerChannel("w-java")) {
            String clients = (String) f.redis().call("CLIENT", "LIST");
            assertThat(clients).contains("name=" + f.keys().workerConnectionName("w-java") + " ");
        }
    }

    @Test
    void awaitWorkWakesUpWhenAJobIsAdded(RedisServer server, RedisTestPrefix prefix) throws Exception {
        try (ItFixture f = ItFixture.open(server, prefix);
                WorkerChannel channel = f.queue().openWorkerChannel(null)) {
            CountDownLatch woke = new CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                try {
                    channel.awaitWork(Duration.ofSeconds(10));
                    woke.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.start();
            await().atMost(PATIENCE).until(() -> ((String) f.redis().call("CLIENT", "LIST")).contains("cmd=bzpopmin"));
            f.add(JobOptions.defaults());
            assertThat(woke.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void awaitWorkAbortsWhenTheThreadIsInterruptedAndTheChannelStaysUsable(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        try (ItFixture f = ItFixture.open(server, prefix);
                WorkerChannel channel = f.queue().openWorkerChannel(null)) {
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
            await().atMost(PATIENCE).until(() -> ((String) f.redis().call("CLIENT", "LIST")).contains("cmd=bzpopmin"));
            waiter.interrupt();
            assertThat(done.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
            f.add(JobOptions.defaults());
            channel.awaitWork(Duration.ofSeconds(5)); // returns: the base marker is there
        }
    }

    @Test
    void subscriptionDeliversEventsInOrderFromAStreamId(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            List<QueueEvent> fromStart = new CopyOnWriteArrayList<>();
            List<QueueEvent> fromNow = new CopyOnWriteArrayList<>();
            try (Subscription a = f.queue().subscribe("0", fromStart::add);
                    Subscription b = f.queue().subscribe("$", fromNow::add)) {
                f.add(JobOptions.defaults());
                await().atMost(PATIENCE).until(() -> fromStart.size() == 4 && fromNow.size() == 2);
                assertThat(fromStart).extracting(QueueEvent::event).containsExactly("added", "waiting", "added", "waiting");
                assertThat(fromNow).extracting(QueueEvent::jobId).containsExactly("2", "2");
                assertThat(fromNow.get(0).field("name")).isEqualTo("job");
                List<QueueEvent> resumed = new CopyOnWriteArrayList<>();
                try (Subscription c = f.queue().subscribe(fromStart.get(1).id(), resumed::add)) {
                    await().atMost(PATIENCE).until(() -> resumed.size() == 2);
                    assertThat(resumed.get(0).id()).isEqualTo(fromStart.get(2).id());
                }
            }
        }
    }

    @Test
    void cancelRequestsReachListeners(RedisServer server, RedisTestPrefix prefix) {
        try (ItFixture f = ItFixture.open(server, prefix)) {
            f.add(JobOptions.defaults());
            f.fetch("t");
            List<String> cancelled = new CopyOnWriteArrayList<>();
            try (Subscription s = f.queue().onCancelRequested(cancelled::add)) {
                f.queue().cancel("1", "stop", ItFixture.NOW);
                await().atMost(PATIENCE).until(() -> cancelled.contains("1"));
            }
        }
    }
}
