package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.redis.interop.CheckSupport.Entry;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Check 8 (delayed promotion and markers wake idle workers of the other runtime; promote and changeDelay) of docs/protocol.md §14 against bullmq 6.7.0, with workers of both runtimes. Timing is only
 * asserted with generous slack; everything else waits on conditions.
 */
@ExtendWith(RedisExtension.class)
class BullmqDelayInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Slack on "starts within about N s" assertions: generous, for a noisy 2-core machine. */
    private static final long SLACK_MS = 1500;

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(server, prefix);
    }

    @Test
    void check08_javaDelayedJobWakesAnIdleNodeWorker(RedisServer server, RedisTestPrefix prefix) throws Exception {
        NodeRunner.ensureInstalled();
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q8a");
                RespClient redis = server.client()) {
            Map<String, Object> cfg = config(server, prefix, "q8a");
            cfg.put("count", 3);
            cfg.put("background", true);
            // drainDelay 10 s (the longest block): without the markers the worker would sleep ~10 s
            cfg.put("workerOpts", Map.of("name", "w8-node", "drainDelay", 10));
            try (NodeChecks.Proc node = NodeChecks.start("worker", cfg)) {
                node.awaitLine("READY");
                awaitBlocked(redis, ":w:w8-node");
                long t0 = System.currentTimeMillis();
                String delayed = queue.add("d", Map.of(), JobOptions.builder().delay(Duration.ofSeconds(3)).build());
                await().atMost(PATIENCE).until(() -> queue.getState(delayed) == JobState.COMPLETED);
                // promote() by Java while the Node worker is idle again
                awaitBlocked(redis, ":w:w8-node");
                String promoted = queue.add("p", Map.of(), JobOptions.builder().delay(Duration.ofHours(1)).build());
                long t1 = System.currentTimeMillis();
                assertThat(queue.promote(promoted)).isTrue();
                await().atMost(PATIENCE).until(() -> queue.getState(promoted) == JobState.COMPLETED);
                // changeDelay() by Java: one hour becomes 1 s
                awaitBlocked(redis, ":w:w8-node");
                String changed = queue.add("c", Map.of(), JobOptions.builder().delay(Duration.ofHours(1)).build());
                long t2 = System.currentTimeMillis();
                assertThat(queue.changeDelay(changed, Duration.ofSeconds(1))).isTrue();
                JsonNode result = node.result();
                Map<String, Long> started = startedAt(result);
                assertThat(started.get(delayed) - t0).as("Node start of a Java job delayed 3 s")
                        .isBetween(3000L, 3000L + SLACK_MS);
                assertThat(started.get(promoted) - t1).as("Node start of a job promoted by Java")
                        .isBetween(0L, SLACK_MS);
                assertThat(started.get(changed) - t2).as("Node start of a job re-delayed to 1 s by Java")
                        .isBetween(1000L, 1000L + SLACK_MS);
                List<Entry> events = CheckSupport.events(redis, prefix.value(), "q8a");
                assertThat(CheckSupport.shape(CheckSupport.eventsOf(events, promoted)))
                        .startsWith("added", "delayed", "waiting/delayed", "active/waiting");
                assertThat(CheckSupport.shape(CheckSupport.eventsOf(events, changed)))
                        .startsWith("added", "delayed", "delayed", "waiting/delayed", "active/waiting");
            }
        }
    }

    @Test
    void check08_nodeDelayedJobWakesAnIdleJavaWorker(RedisServer server, RedisTestPrefix prefix) throws Exception {
        NodeRunner.ensureInstalled();
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q8b");
                RespClient redis = server.client()) {
            Map<String, Long> started = new ConcurrentHashMap<>();
            Handlers.Builder builder = Handlers.builder();
            for (String name : List.of("d", "p", "c")) {
                builder.on(name, ctx -> {
                    started.put(ctx.job().id(), System.currentTimeMillis());
                    return null;
                });
            }
            Handlers handlers = builder.build();
            Map<String, Object> cfg = config(server, prefix, "q8b");
            try (Worker worker = tq.worker("q8b").handlers(handlers).options(WorkerOptions.builder()
                    .name("w8-java").drainDelay(Duration.ofSeconds(10)).build()).build().start()) {
                awaitBlocked(redis, ":w:w8-java");
                JsonNode add = NodeChecks.ops(cfg, List.of(Map.of("op", "add", "name", "d", "opts",
                        Map.of("delay", 3000)))).get(0);
                String delayed = add.get("id").asText();
                await().atMost(PATIENCE).until(() -> started.containsKey(delayed));
                assertThat(started.get(delayed) - add.get("t").asLong()).as("Java start of a Node job delayed 3 s")
                        .isBetween(3000L, 3000L + SLACK_MS);

                awaitBlocked(redis, ":w:w8-java");
                JsonNode promote = NodeChecks.ops(cfg, List.of(
                        Map.of("op", "add", "name", "p", "opts", Map.of("delay", 3_600_000)),
                        Map.of("op", "promote", "id", "2")));
                assertThat(promote.get(0).get("id").asText()).isEqualTo("2");
                assertThat(promote.get(1).has("error")).as(promote.toString()).isFalse();
                await().atMost(PATIENCE).until(() -> started.containsKey("2"));
                assertThat(started.get("2") - promote.get(1).get("t").asLong()).as("Java start of a job promoted by Node")
                        .isBetween(0L, SLACK_MS);

                awaitBlocked(redis, ":w:w8-java");
                JsonNode change = NodeChecks.ops(cfg, List.of(
                        Map.of("op", "add", "name", "c", "opts", Map.of("delay", 3_600_000)),
                        Map.of("op", "changeDelay", "id", "3", "delay", 1000)));
                assertThat(change.get(1).has("error")).as(change.toString()).isFalse();
                await().atMost(PATIENCE).until(() -> started.containsKey("3"));
                assertThat(started.get("3") - change.get(1).get("t").asLong())
                        .as("Java start of a job re-delayed to 1 s by Node").isBetween(1000L, 1000L + SLACK_MS);
                await().atMost(PATIENCE).until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 3L);
            }
            List<Entry> events = CheckSupport.events(redis, prefix.value(), "q8b");
            assertThat(CheckSupport.shape(CheckSupport.eventsOf(events, "2")))
                    .startsWith("added", "delayed", "waiting/delayed", "active/waiting");
            assertThat(CheckSupport.shape(CheckSupport.eventsOf(events, "3")))
                    .startsWith("added", "delayed", "delayed", "waiting/delayed", "active/waiting");
        }
    }

    private static void awaitBlocked(RespClient redis, String nameContains) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> CheckSupport.blockedOnMarker(redis, nameContains));
    }

    private static Map<String, Long> startedAt(JsonNode workerResult) {
        Map<String, Long> out = new HashMap<>();
        workerResult.get("seen").forEach(s -> out.putIfAbsent(s.get("id").asText(), s.get("startedAt").asLong()));
        return out;
    }
}
