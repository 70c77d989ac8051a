package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Deduplication;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/protocol.md §14 check 10 against bullmq 6.7.0: the same deduplicated adds made by Node and by Java
 * return the same ids, leave the same {@code de:}/{@code dn:} keys and TTLs and the same
 * {@code deduplicated}/{@code removed} events, and the other runtime's worker runs exactly the
 * expected jobs.
 */
@ExtendWith(RedisExtension.class)
class BullmqDedupInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The extend check's duplicate comes once the 20 s window has at most this much left. */
    private static final long EXTEND_PAUSED_TTL_MS = 16_000;
    /** A restarted window, read right after the duplicate, has at least this much left (1 s for a slow read). */
    private static final long EXTENDED_TTL_MS = 19_000;

    /** One add: its payload, dedup policy and delay. */
    private record Add(int v, Deduplication de, long delayMs) {
    }

    /** What one producer left behind. */
    private record Outcome(List<String> ids, String owner, long pttl, List<String> events) {
    }

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(server, prefix);
    }

    private static Map<String, Object> nodeOpts(Add add) {
        Map<String, Object> de = new LinkedHashMap<>();
        de.put("id", add.de.id());
        if (add.de.ttl() != null) {
            de.put("ttl", add.de.ttlMillis());
        }
        if (add.de.extend()) {
            de.put("extend", true);
        }
        if (add.de.replace()) {
            de.put("replace", true);
        }
        if (add.de.keepLastIfActive()) {
            de.put("keepLastIfActive", true);
        }
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("deduplication", de);
        if (add.delayMs > 0) {
            opts.put("delay", add.delayMs);
        }
        return opts;
    }

    private static List<String> nodeAdd(RedisServer server, RedisTestPrefix prefix, String queue, List<Add> adds) {
        Map<String, Object> cfg = config(server, prefix, queue);
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (Add add : adds) {
            jobs.add(Map.of("name", "job", "data", Map.of("v", add.v), "opts", nodeOpts(add)));
        }
        cfg.put("jobs", jobs);
        return InteropSupport.texts(NodeRunner.run("add", cfg).get("ids"));
    }

    private static List<String> javaAdd(JobQueue queue, List<Add> adds) {
        List<String> ids = new ArrayList<>();
        for (Add add : adds) {
            ids.add(queue.add("job", Map.of("v", add.v), JobOptions.builder().deduplication(add.de)
                    .delay(Duration.ofMillis(add.delayMs)).build()));
        }
        return ids;
    }

    private static Outcome outcome(RespClient redis, RedisTestPrefix prefix, String queue, String dedupId,
            List<String> ids) {
        String owner = (String) redis.call("GET", prefix.key(queue + ":de:" + dedupId));
        long pttl = (Long) redis.call("PTTL", prefix.key(queue + ":de:" + dedupId));
        List<String> events = new ArrayList<>();
        for (Object entry : (List<?>) redis.call("XRANGE", prefix.key(queue + ":events"), "-", "+")) {
            List<?> fields = (List<?>) ((List<?>) entry).get(1);
            String name = (String) fields.get(1);
            if (name.equals("deduplicated") || name.equals("removed")) {
                events.add(fields.subList(1, fields.size()).toString());
            }
        }
        return new Outcome(ids, owner, pttl, events);
    }

    /** Runs jobs of {@code queue} on a Java worker until {@code expected} completed; returns their v. */
    private static List<Integer> runOnJava(TaskQueue tq, JobQueue queue, int expected) {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        try (Worker worker = tq.worker(queue.name()).handlers(Handlers.builder().on("job", ctx -> {
            ran.add(((Number) ((Map<?, ?>) queue.decode(ctx.job().dataJson(), Map.class)).get("v")).intValue());
            return null;
        }).build()).options(WorkerOptions.builder().drainDelay(Duration.ofMillis(100)).build()).build().start()) {
            await().atMost(PATIENCE).until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) >= expected);
        }
        return ran;
    }

    private static List<Integer> runOnNode(RedisServer server, RedisTestPrefix prefix, String queue, int expected,
            long lingerMs) {
        Map<String, Object> cfg = config(server, prefix, queue);
        cfg.put("count", expected);
        cfg.put("lingerMs", lingerMs);
        JsonNode result = LimitsNode.start("work", cfg).result();
        List<Integer> ran = new ArrayList<>();
        result.get("seen").forEach(s -> ran.add(s.get("data").get("v").asInt()));
        return ran;
    }

    private void compareModes(RedisServer server, RedisTestPrefix prefix, String name, List<Add> adds,
            int expectedRuns, List<Integer> expectedValues, long lingerMs) {
        try (TaskQueue tq = taskQueue(server, prefix); RespClient redis = server.client();
                JobQueue javaQueue = tq.queue(name + "-java"); JobQueue nodeQueue = tq.queue(name + "-node")) {
            String dedupId = adds.get(0).de.id();
            Outcome fromNode = outcome(redis, prefix, name + "-node", dedupId, nodeAdd(server, prefix, name + "-node", adds));
            Outcome fromJava = outcome(redis, prefix, name + "-java", dedupId, javaAdd(javaQueue, adds));
            assertThat(fromJava.ids).isEqualTo(fromNode.ids);
            assertThat(fromJava.owner).isEqualTo(fromNode.owner);
            assertThat(fromJava.events).isEqualTo(fromNode.events);
            if (fromNode.pttl < 0) {
                assertThat(fromJava.pttl).isEqualTo(fromNode.pttl);
            } else {
                assertThat(fromJava.pttl).isPositive().isCloseTo(fromNode.pttl, org.assertj.core.data.Offset.offset(3_000L));
            }
            // Each runtime's jobs run on the other runtime's worker.
            assertThat(runOnNode(server, prefix, name + "-java", expectedRuns, lingerMs))
                    .containsExactlyElementsOf(expectedValues);
            assertThat(runOnJava(tq, nodeQueue, expectedRuns)).containsExactlyElementsOf(expectedValues);
            assertThat(nodeQueue.counts(JobState.COMPLETED).get(JobState.COMPLETED)).isEqualTo(expectedRuns);
        }
    }

    @Test
    void check10_simpleMode(RedisServer server, RedisTestPrefix prefix) {
        Deduplication simple = Deduplication.simple("k");
        compareModes(server, prefix, "simple", List.of(new Add(1, simple, 0), new Add(2, simple, 0),
                new Add(3, simple, 0)), 1, List.of(1), 300);
    }

    @Test
    void check10_throttleMode(RedisServer server, RedisTestPrefix prefix) {
        Deduplication throttle = Deduplication.throttle("k", Duration.ofSeconds(20));
        compareModes(server, prefix, "throttle", List.of(new Add(1, throttle, 0), new Add(2, throttle, 0)),
                1, List.of(1), 300);
    }

    /**
     * With extend, a duplicate restarts the window. The duplicate comes a few seconds after the first
     * add, so a refreshed TTL (near 20 s) and a kept one (at most 20 s minus the pause) are far apart.
     */
    @Test
    void check10_throttleModeWithExtendRestartsTheWindowOnADuplicate(RedisServer server, RedisTestPrefix prefix) {
        Deduplication throttle = Deduplication.throttle("k", Duration.ofSeconds(20)).withExtend();
        Add first = new Add(1, throttle, 0);
        Add duplicate = new Add(2, throttle, 0);
        try (TaskQueue tq = taskQueue(server, prefix); RespClient redis = server.client();
                JobQueue javaQueue = tq.queue("extend-java"); JobQueue nodeQueue = tq.queue("extend-node")) {
            List<String> nodeIds = new ArrayList<>(nodeAdd(server, prefix, "extend-node", List.of(first)));
            awaitTtlBelow(redis, prefix, "extend-node", EXTEND_PAUSED_TTL_MS);
            nodeIds.addAll(nodeAdd(server, prefix, "extend-node", List.of(duplicate)));
            Outcome fromNode = outcome(redis, prefix, "extend-node", "k", nodeIds);

            List<String> javaIds = new ArrayList<>(javaAdd(javaQueue, List.of(first)));
            awaitTtlBelow(redis, prefix, "extend-java", EXTEND_PAUSED_TTL_MS);
            javaIds.addAll(javaAdd(javaQueue, List.of(duplicate)));
            Outcome fromJava = outcome(redis, prefix, "extend-java", "k", javaIds);

            assertThat(fromNode.ids).containsExactly("1", "1");
            assertThat(fromJava.ids).isEqualTo(fromNode.ids);
            assertThat(fromJava.owner).isEqualTo(fromNode.owner).isEqualTo("1");
            assertThat(fromJava.events).isEqualTo(fromNode.events);
            // Both were read right after the duplicate: a restarted window has almost all of its 20 s left.
            assertThat(fromNode.pttl).as("Node's TTL after the duplicate").isBetween(EXTENDED_TTL_MS, 20_000L);
            assertThat(fromJava.pttl).as("Java's TTL after the duplicate").isBetween(EXTENDED_TTL_MS, 20_000L);
            assertThat(runOnNode(server, prefix, "extend-java", 1, 300)).containsExactly(1);
            assertThat(runOnJava(tq, nodeQueue, 1)).containsExactly(1);
        }
    }

    private static void awaitTtlBelow(RespClient redis, RedisTestPrefix prefix, String queue, long millis) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> (Long) redis.call("PTTL", prefix.key(queue + ":de:k")), t -> t > 0 && t <= millis);
    }

    @Test
    void check10_debounceReplaceExtendDelay(RedisServer server, RedisTestPrefix prefix) {
        Deduplication debounce = Deduplication.debounce("k", Duration.ofSeconds(20));
        compareModes(server, prefix, "debounce", List.of(new Add(1, debounce, 700), new Add(2, debounce, 700),
                new Add(3, debounce, 700)), 1, List.of(3), 1_000);
    }

    @Test
    void check10_keepLastIfActiveFromNodeOnJavaWorker(RedisServer server, RedisTestPrefix prefix) throws Exception {
        Deduplication last = Deduplication.simple("k").withKeepLastIfActive();
        try (TaskQueue tq = taskQueue(server, prefix); RespClient redis = server.client();
                JobQueue queue = tq.queue("kl-node")) {
            assertThat(nodeAdd(server, prefix, "kl-node", List.of(new Add(0, last, 0)))).containsExactly("1");
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> ran = new CopyOnWriteArrayList<>();
            try (Worker worker = tq.worker("kl-node").handlers(Handlers.builder().on("job", ctx -> {
                int v = ((Number) ((Map<?, ?>) queue.decode(ctx.job().dataJson(), Map.class)).get("v")).intValue();
                ran.add(v);
                if (v == 0) {
                    release.await(30, TimeUnit.SECONDS);
                }
                return null;
            }).build()).options(WorkerOptions.builder().drainDelay(Duration.ofMillis(100)).build()).build().start()) {
                await().atMost(PATIENCE).until(() -> queue.getState("1") == JobState.ACTIVE);
                assertThat(nodeAdd(server, prefix, "kl-node", List.of(new Add(1, last, 0), new Add(2, last, 0))))
                        .containsExactly("1", "1");
                assertKeepLastState(redis, prefix, "kl-node");
                release.countDown();
                await().atMost(PATIENCE).until(() -> queue.counts(JobState.COMPLETED).get(JobState.COMPLETED) == 2);
            }
            assertThat(ran).containsExactly(0, 2);
            assertThat(queue.getJob("3").orElseThrow().dataJson()).isEqualTo("{\"v\":2}");
        }
    }

    @Test
    void check10_keepLastIfActiveFromJavaOnNodeWorker(RedisServer server, RedisTestPrefix prefix) {
        Deduplication last = Deduplication.simple("k").withKeepLastIfActive();
        try (TaskQueue tq = taskQueue(server, prefix); RespClient redis = server.client();
                JobQueue queue = tq.queue("kl-java")) {
            assertThat(javaAdd(queue, List.of(new Add(0, last, 0)))).containsExactly("1");
            Map<String, Object> cfg = config(server, prefix, "kl-java");
            cfg.put("count", 2);
            cfg.put("sleepMs", 1_500);
            NodeScripts.Background node = LimitsNode.start("work", cfg);
            await().atMost(PATIENCE).until(() -> queue.getState("1") == JobState.ACTIVE);
            assertThat(javaAdd(queue, List.of(new Add(1, last, 0), new Add(2, last, 0)))).containsExactly("1", "1");
            assertKeepLastState(redis, prefix, "kl-java");
            List<Integer> ran = new ArrayList<>();
            node.result().get("seen").forEach(s -> ran.add(s.get("data").get("v").asInt()));
            assertThat(ran).containsExactly(0, 2);
            assertThat(queue.getJob("3").orElseThrow().options().deduplication()).isEqualTo(last);
        }
    }

    /** While the owner runs: de:k persisted on job 1, dn:k holding the last add (v 2, jid 3). */
    private static void assertKeepLastState(RespClient redis, RedisTestPrefix prefix, String queue) {
        assertThat(redis.call("GET", prefix.key(queue + ":de:k"))).isEqualTo("1");
        assertThat(redis.call("PTTL", prefix.key(queue + ":de:k"))).isEqualTo(-1L);
        assertThat(redis.call("HGET", prefix.key(queue + ":dn:k"), "jid")).isEqualTo("3");
        assertThat(redis.call("HGET", prefix.key(queue + ":dn:k"), "data")).isEqualTo("{\"v\":2}");
        JsonNode opts = InteropSupport.json((String) redis.call("HGET", prefix.key(queue + ":dn:k"), "opts"));
        assertThat(opts.get("de")).isEqualTo(InteropSupport.json("{\"id\":\"k\",\"keepLastIfActive\":true}"));
        List<String> events = new ArrayList<>();
        for (Object entry : (List<?>) redis.call("XRANGE", prefix.key(queue + ":events"), "-", "+")) {
            List<?> fields = (List<?>) ((List<?>) entry).get(1);
            if ("deduplicated".equals(fields.get(1))) {
                events.add(fields.subList(2, fields.size()).toString());
            }
        }
        assertThat(events).containsExactly("[jobId, 1, deduplicationId, k, deduplicatedJobId, 2]",
                "[jobId, 1, deduplicationId, k, deduplicatedJobId, 3]");
    }
}
