package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import io.taskqueue.testing.node.NodeScripts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/protocol.md §14 check 7, the global limits part, against bullmq 6.7.0: a global concurrency set by
 * Java caps Node workers, a global rate limit set by Java spaces Node workers' starts, and the same
 * settings written by Node are honoured by Java workers.
 */
@ExtendWith(RedisExtension.class)
class BullmqLimitsInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Slack between the stream ids' server clock and window edges. */
    private static final long SLACK_MS = 50;

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(server, prefix);
    }

    @Test
    void check07_javaGlobalConcurrencyCapsThreeNodeWorkers(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("gc");
                RespClient redis = server.client()) {
            queue.limits().setGlobalConcurrency(2);
            for (int i = 0; i < 24; i++) {
                queue.add("job", Map.of("i", i));
            }
            AtomicBoolean sampling = new AtomicBoolean(true);
            AtomicLong highest = new AtomicLong();
            AtomicInteger samples = new AtomicInteger();
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    long active = (Long) redis.call("LLEN", prefix.key("gc:active"));
                    highest.accumulateAndGet(active, Math::max);
                    samples.incrementAndGet();
                }
            });
            Map<String, Object> cfg = config(server, prefix, "gc");
            cfg.put("workers", 3);
            cfg.put("concurrency", 5);
            cfg.put("sleepMs", 50);
            cfg.put("count", 24);
            NodeScripts.Background node = LimitsNode.start("work", cfg);
            sampler.start();
            JsonNode result = node.result();
            sampling.set(false);
            joinQuietly(sampler);
            assertThat(result.get("finished").asInt()).isEqualTo(24);
            assertThat(samples.get()).isGreaterThan(10);
            assertThat(highest.get()).isBetween(1L, 2L);
            assertThat(queue.counts(JobState.COMPLETED).get(JobState.COMPLETED)).isEqualTo(24);
        }
    }

    @Test
    void check07_javaGlobalRateLimitSpacesNodeWorkerStarts(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("grl");
                RespClient redis = server.client()) {
            queue.limits().setGlobalRateLimit(5, Duration.ofMillis(1000));
            for (int i = 0; i < 15; i++) {
                queue.add("job", Map.of("i", i));
            }
            Map<String, Object> cfg = config(server, prefix, "grl");
            cfg.put("workers", 3);
            cfg.put("concurrency", 5);
            cfg.put("count", 15);
            JsonNode result = LimitsNode.start("work", cfg).result();
            assertThat(result.get("finished").asInt()).isEqualTo(15);
            List<Long> starts = activeEventTimes(redis, prefix.key("grl:events"));
            assertThat(starts).hasSize(15);
            assertAtMostPerWindow(starts, 5, 1000);
        }
    }

    @Test
    void check07_nodeGlobalLimitsAreHonouredByJavaWorkers(RedisServer server, RedisTestPrefix prefix) {
        Map<String, Object> cfg = config(server, prefix, "nl");
        cfg.put("concurrency", 1);
        cfg.put("max", 3);
        cfg.put("duration", 700);
        JsonNode meta = LimitsNode.run("settings", cfg).get("meta");
        assertThat(meta.get("concurrency").asText()).isEqualTo("1");
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("nl");
                RespClient redis = server.client()) {
            assertThat(queue.limits().globalConcurrency()).contains(1);
            assertThat(queue.limits().globalRateLimit().orElseThrow().max()).isEqualTo(3);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger highest = new AtomicInteger();
            Handlers handlers = Handlers.builder().on("job", ctx -> {
                highest.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(20);
                running.decrementAndGet();
                return null;
            }).build();
            for (int i = 0; i < 9; i++) {
                queue.add("job", i);
            }
            List<Worker> workers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                workers.add(tq.worker("nl").handlers(handlers).options(WorkerOptions.builder()
                        .concurrency(4).drainDelay(Duration.ofMillis(100)).build()).build().start());
            }
            try {
                await().atMost(PATIENCE).until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 9);
            } finally {
                workers.forEach(Worker::close);
            }
            assertThat(highest.get()).isEqualTo(1);
            assertAtMostPerWindow(activeEventTimes(redis, prefix.key("nl:events")), 3, 700);
        }
    }

    /** The server times (ms, from the stream ids) of the {@code active} events. */
    static List<Long> activeEventTimes(RespClient redis, String eventsKey) {
        List<Long> out = new ArrayList<>();
        for (Object entry : (List<?>) redis.call("XRANGE", eventsKey, "-", "+")) {
            List<?> e = (List<?>) entry;
            List<?> fields = (List<?>) e.get(1);
            if ("active".equals(fields.get(1))) {
                String id = (String) e.get(0);
                out.add(Long.parseLong(id.substring(0, id.indexOf('-'))));
            }
        }
        Collections.sort(out);
        return out;
    }

    /**
     * Fixed windows (docs/protocol.md §5.16): a window opens at the first start after the previous one
     * expired and admits at most {@code max} starts. Rebuilds the windows from the start times.
     */
    static void assertAtMostPerWindow(List<Long> starts, int max, long windowMillis) {
        int i = 0;
        while (i < starts.size()) {
            long opened = starts.get(i);
            int inWindow = 0;
            while (i < starts.size() && starts.get(i) < opened + windowMillis - SLACK_MS) {
                inWindow++;
                i++;
            }
            assertThat(inWindow).as("starts in the window opened at %d: %s", opened, starts).isLessThanOrEqualTo(max);
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
