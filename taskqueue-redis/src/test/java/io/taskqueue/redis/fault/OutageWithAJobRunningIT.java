package io.taskqueue.redis.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisBackend;
import io.taskqueue.redis.RedisBackendOptions;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.servers.TcpProxy;
import io.taskqueue.spi.Backend;
import io.taskqueue.testing.FaultInjectingBackend;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A short network outage between a worker and Redis while the worker runs a job. The outage is a
 * {@link TcpProxy} that drops every connection and refuses new ones, so the data survives (a
 * restarted kit server comes back empty). A second worker, connected directly, runs the stall
 * check throughout: if the first worker's lock lapsed, it would put the job back and run it again.
 */
@ExtendWith(RedisExtension.class)
class OutageWithAJobRunningIT {
    /**
     * Renewed every quarter (3 s), so the outage misses at least one renewal. The client's
     * reconnect delays double from 1 ms, so it is back about 0.6 s after the outage, and the lock
     * is renewed at most 3 s later: within 7.1 s of the outage's start, before the 9 s that a lock
     * last renewed just before the outage has left.
     */
    private static final Duration LOCK = Duration.ofSeconds(12);
    private static final Duration OUTAGE = Duration.ofMillis(3500);
    /**
     * Fetches allowed during the outage. The error back-off (250, 500, 1000, 2000 ms) allows about
     * five in 3.5 s; without it the worker fetches as fast as the client rejects, thousands of times.
     */
    private static final long MAX_FETCHES_IN_OUTAGE = 12;

    @Test
    void theLockOutlivesTheOutageTheJobCompletesOnceAndFetchesBackOff(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        List<String> runs = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        Handlers handlers = Handlers.builder().on("long", ctx -> {
            runs.add(ctx.job().id());
            return release.await(60, TimeUnit.SECONDS);
        }).build();
        RedisClient client = rejectingClient();
        AtomicReference<Backend> redis = new AtomicReference<>();
        AtomicReference<FaultInjectingBackend> counted = new AtomicReference<>();
        try (TcpProxy proxy = new TcpProxy(server.host(), server.port());
                TaskQueue direct = RedisTestBackends.taskQueue(server, prefix);
                JobQueue queue = direct.queue("outage");
                RespClient raw = server.client()) {
            proxy.start();
            RedisBackendOptions viaProxy = RedisBackendOptions.builder().url("redis://127.0.0.1:" + proxy.port())
                    .prefix(prefix.value()).commandTimeout(Duration.ofSeconds(2)).build();
            try (TaskQueue cut = TaskQueue.builder().backend(context -> {
                redis.set(RedisBackend.using(client, viaProxy).open(context));
                counted.set(FaultInjectingBackend.wrap(redis.get()));
                return counted.get();
            }).build()) {
                // Two slots: with one busy, the other keeps fetching through the outage.
                Worker runner = cut.worker("outage").handlers(handlers).options(WorkerOptions.builder().concurrency(2)
                        .lockDuration(LOCK).stalledInterval(Duration.ofSeconds(1))
                        .drainDelay(Duration.ofMillis(200)).build()).build().start();
                String id = queue.add("long", Map.of());
                await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() == 1);
                Worker watcher = direct.worker("outage").handlers(handlers).options(WorkerOptions.builder()
                        .lockDuration(LOCK).stalledInterval(Duration.ofMillis(500)).build()).build().start();

                proxy.stop();
                long fetchesBefore = counted.get().calls("fetch");
                long outageStart = System.nanoTime();
                // The outage is the stimulus, not a wait for an outcome: it lasts OUTAGE.
                Thread.sleep(OUTAGE.toMillis());
                long fetchesInOutage = counted.get().calls("fetch") - fetchesBefore;
                proxy.start();

                // Hold the job until a lock taken before the outage and never renewed would have
                // lapsed and been found by the watcher's stall check.
                Thread.sleep(Math.max(0, LOCK.plusSeconds(3).minusNanos(System.nanoTime() - outageStart).toMillis()));
                assertThat(queue.getState(id)).as("still running on the first worker").isEqualTo(JobState.ACTIVE);
                release.countDown();
                await().atMost(Duration.ofSeconds(20)).until(() -> queue.getState(id) == JobState.COMPLETED);
                watcher.close();
                runner.close();

                assertThat(runs).containsExactly(id);
                assertThat(fetchesInOutage).as("fetches while Redis was unreachable").isBetween(1L,
                        MAX_FETCHES_IN_OUTAGE);
                List<?> events = (List<?>) raw.call("XRANGE", prefix.key("outage:events"), "-", "+");
                List<String> fields = events.stream().map(e -> ((List<?>) e).get(1).toString()).toList();
                assertThat(fields.stream().filter(f -> f.startsWith("[event, completed,"))).hasSize(1);
                assertThat(fields.stream().filter(f -> f.startsWith("[event, stalled,"))).isEmpty();
            } finally {
                release.countDown();
                if (redis.get() != null) {
                    redis.get().close();
                }
            }
        } finally {
            client.shutdown();
        }
    }

    /**
     * A client (RESP2, as the backend's own) that rejects commands at once while disconnected. The
     * backend's own client queues them until the command timeout, which would
     * space the fetches by itself and hide a worker that retries without backing off.
     */
    private static RedisClient rejectingClient() {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder().autoReconnect(true).protocolVersion(ProtocolVersion.RESP2)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2))).build());
        return client;
    }
}
