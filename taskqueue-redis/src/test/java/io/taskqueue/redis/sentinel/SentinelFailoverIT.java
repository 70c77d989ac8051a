package io.taskqueue.redis.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisBackend;
import io.taskqueue.redis.RedisBackendOptions;
import io.taskqueue.servers.RedisSentinelServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A worker on a {@code redis-sentinel://} URL keeps processing across a Sentinel failover: a
 * producer adds a steady stream of jobs while the sentinels promote the replica; every job added
 * after the failover completes, and no job stays active (a job caught mid-flight is recovered by the
 * stall check).
 */
class SentinelFailoverIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void workersContinueOnTheNewMasterAfterAFailover() throws Exception {
        try (RedisSentinelServer sentinel = RedisSentinelServer.start();
                TaskQueue tq = TaskQueue.builder().backend(RedisBackend.factory(RedisBackendOptions.builder()
                        .url(sentinel.uri().toString()).prefix("tq-sentinel").commandTimeout(Duration.ofSeconds(3))
                        .build())).build();
                JobQueue queue = tq.queue("stream")) {
            assertThat(tq.describe()).startsWith("redis-sentinel://");
            Set<String> done = ConcurrentHashMap.newKeySet();
            Handlers handlers = Handlers.builder().on("j", ctx -> {
                Thread.sleep(5);
                done.add(ctx.job().id());
                return Map.of("ok", true);
            }).build();
            WorkerOptions options = WorkerOptions.builder().name("sentinel-worker").concurrency(2)
                    .drainDelay(Duration.ofMillis(200)).lockDuration(Duration.ofSeconds(2))
                    .stalledInterval(Duration.ofSeconds(1)).build();
            try (Worker worker = tq.worker("stream").handlers(handlers).options(options).build().start()) {
                List<String> before = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    before.add(queue.add("j", Map.of("i", i)));
                }
                await().atMost(PATIENCE).until(() -> done.containsAll(before));

                // A producer keeps adding during the failover; adds that fail while there is no master are counted.
                AtomicBoolean producing = new AtomicBoolean(true);
                AtomicInteger failedAdds = new AtomicInteger();
                Thread producer = new Thread(() -> {
                    int i = 0;
                    while (producing.get()) {
                        try {
                            queue.add("j", Map.of("during", i++));
                        } catch (RuntimeException e) {
                            failedAdds.incrementAndGet();
                        }
                        sleep(20);
                    }
                }, "producer");
                producer.start();
                RedisSentinelServer.Address oldMaster = sentinel.master();
                RedisSentinelServer.Address newMaster = sentinel.failover();
                assertThat(newMaster).isNotEqualTo(oldMaster);
                producing.set(false);
                producer.join();

                List<String> after = new ArrayList<>();
                await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                    after.add(queue.add("j", Map.of("after", after.size())));
                    return after.size() >= 20;
                });
                await().atMost(PATIENCE).until(() -> done.containsAll(after));
                await().atMost(PATIENCE).ignoreExceptions().until(() ->
                        queue.counts(JobState.ACTIVE, JobState.WAITING).values().stream().mapToLong(Long::longValue).sum() == 0);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
