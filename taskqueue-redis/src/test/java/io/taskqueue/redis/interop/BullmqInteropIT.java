package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taskqueue.Backoff;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.KeepJobs;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.redis.interop.InteropSupport.KeyDump;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks of docs/protocol.md §14 against the real bullmq 6.7.0 from npm, on one Redis: 1 (identical add
 * state), 2 (Node producer → Java worker) and 3 (Java producer → Node worker).
 */
@ExtendWith(RedisExtension.class)
class BullmqInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long T = 1_795_408_158_504L;
    /** The cases of check 1 that give attempts. */
    private static final Set<String> ATTEMPTS_GIVEN = Set.of("backoff", "attempts");

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(RedisTestBackends.options(server, prefix).metricsMaxDataPoints(60).build());
    }

    @Test
    void check01_addsProduceIdenticalRedisState(RedisServer server, RedisTestPrefix prefix) {
        // each case: name, Node opts, Java opts
        List<Object[]> cases = List.of(
                new Object[] {"standard", Map.of(), JobOptions.defaults()},
                new Object[] {"lifo", Map.of("lifo", true), JobOptions.builder().lifo(true).build()},
                new Object[] {"delayed", Map.of("delay", 1500), JobOptions.builder().delay(Duration.ofMillis(1500)).build()},
                new Object[] {"delayed2", Map.of("delay", 1500), JobOptions.builder().delay(Duration.ofMillis(1500)).build()},
                new Object[] {"prio", Map.of("priority", 3), JobOptions.builder().priority(3).build()},
                new Object[] {"custom", Map.of("jobId", "my-id"), JobOptions.builder().jobId("my-id").build()},
                new Object[] {"backoff", Map.of("attempts", 3, "backoff", 200),
                    JobOptions.builder().attempts(3).backoff(Backoff.fixed(Duration.ofMillis(200))).build()},
                new Object[] {"roc", Map.of("removeOnComplete", Map.of("count", 5, "age", 3600)),
                    JobOptions.builder().removeOnComplete(new KeepJobs(5, Duration.ofHours(1), 0)).build()},
                new Object[] {"logs", Map.of("keepLogs", 5), JobOptions.builder().keepLogs(5).build()},
                new Object[] {"attempts", Map.of("attempts", 4), JobOptions.builder().attempts(4).build()});
        List<Map<String, Object>> nodeJobs = new ArrayList<>();
        for (Object[] c : cases) {
            Map<String, Object> opts = new java.util.HashMap<>(castMap(c[1]));
            opts.put("timestamp", T);
            nodeJobs.add(Map.of("name", c[0], "data", Map.of("k", c[0]), "opts", opts));
        }
        Map<String, Object> cfg = config(server, prefix, "node");
        cfg.put("jobs", nodeJobs);
        NodeRunner.run("add", cfg);
        try (Backend backend = RedisTestBackends.backend(server, prefix); RespClient redis = server.client()) {
            QueueBackend java = backend.queue("java");
            for (Object[] c : cases) {
                java.add(List.of(new NewJob((String) c[0], "{\"k\":\"" + c[0] + "\"}", (JobOptions) c[2], T)));
            }
            Map<String, KeyDump> node = InteropSupport.dump(redis, prefix.value(), "node");
            Map<String, KeyDump> ours = InteropSupport.dump(redis, prefix.value(), "java");
            assertThat(ours.keySet()).containsExactlyElementsOf(node.keySet());
            for (String key : node.keySet()) {
                KeyDump n = node.get(key);
                KeyDump j = ours.get(key);
                assertThat(j.type()).as("type of key " + key).isEqualTo(n.type());
                if (!"hash".equals(n.type())) {
                    assertThat(j.content()).as("key " + key).isEqualTo(n.content());
                    continue;
                }
                assertThat(j.hash().keySet()).as("fields of key " + key).isEqualTo(n.hash().keySet());
                for (String field : n.hash().keySet()) {
                    if ("opts".equals(field)) {
                        assertOpts(key, n.hash().get("name"), n.hash().get(field), j.hash().get(field));
                    } else {
                        assertThat(j.hash().get(field)).as("key " + key + " field " + field)
                                .isEqualTo(n.hash().get(field));
                    }
                }
            }
        }
    }

    /**
     * The opts of one job, as JSON (field order aside), with the two differences the test knows of
     * asserted exactly rather than hidden: the test gives Node the add time in its opts (Java takes it
     * on the side), and for a job added without attempts Node stores 0 where Java stores 1.
     */
    private static void assertOpts(String key, String caseName, String nodeText, String javaText) {
        ObjectNode nodeOpts = (ObjectNode) InteropSupport.json(nodeText);
        ObjectNode javaOpts = (ObjectNode) InteropSupport.json(javaText);
        ObjectNode expected = nodeOpts.deepCopy();
        assertThat(nodeOpts.path("timestamp").asLong()).as("Node keeps the timestamp it was given").isEqualTo(T);
        expected.remove("timestamp");
        if (!ATTEMPTS_GIVEN.contains(caseName)) {
            assertThat(nodeOpts.get("attempts")).as("Node's attempts without attempts given, key " + key)
                    .isEqualTo(IntNode.valueOf(0));
            assertThat(javaOpts.get("attempts")).as("Java's attempts without attempts given, key " + key)
                    .isEqualTo(IntNode.valueOf(1));
            expected.set("attempts", IntNode.valueOf(1));
        }
        assertThat(javaOpts).as("opts of key " + key).isEqualTo(expected);
    }

    @Test
    void check02_nodeProducerJavaWorker(RedisServer server, RedisTestPrefix prefix) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> opts = i % 10 == 3 ? Map.of("lifo", true) : i % 10 == 7 ? Map.of("priority", 1 + i % 3)
                    : Map.of();
            jobs.add(Map.of("name", "n", "data", Map.of("i", i), "opts", opts));
        }
        Map<String, Object> cfg = config(server, prefix, "q2");
        cfg.put("jobs", jobs);
        List<String> ids = InteropSupport.texts(NodeRunner.run("add", cfg).get("ids"));
        try (TaskQueue tq = taskQueue(server, prefix); RespClient redis = server.client()) {
            List<String> expectedOrder = new ArrayList<>(castList(redis.call("LRANGE", prefix.key("q2:wait"), "0", "-1")));
            Collections.reverse(expectedOrder);
            expectedOrder.addAll(castList(redis.call("ZRANGE", prefix.key("q2:prioritized"), "0", "-1")));
            List<String> order = new CopyOnWriteArrayList<>();
            Handlers handlers = Handlers.builder().on("n", ctx -> {
                order.add(ctx.job().id());
                return Map.of("echo", ctx.data());
            }).build();
            try (Worker worker = tq.worker("q2").handlers(handlers)
                    .options(WorkerOptions.builder().name("w-java").drainDelay(Duration.ofMillis(100)).build())
                    .build().start()) {
                await().atMost(PATIENCE).until(() -> order.size() == 100 && redis.call("ZCARD",
                        prefix.key("q2:completed")).equals(100L));
            }
            assertThat(order).containsExactlyElementsOf(expectedOrder);
            cfg.put("ids", ids);
            JsonNode result = NodeRunner.run("jobs", cfg);
            assertThat(result.at("/counts/completed").asInt()).isEqualTo(100);
            for (String id : ids) {
                JsonNode job = result.get("jobs").get(id);
                assertThat(job.get("returnvalue")).isEqualTo(NodeRunner.json().createObjectNode()
                        .set("echo", job.get("data")));
                assertThat(job.get("attemptsMade").asInt()).isEqualTo(1);
                assertThat(job.get("attemptsStarted").asInt()).isEqualTo(1);
                assertThat(job.get("processedBy").asText()).isEqualTo("w-java");
                assertThat(job.get("processedOn").asLong()).isLessThanOrEqualTo(job.get("finishedOn").asLong());
            }
        }
    }

    @Test
    void check03_javaProducerNodeWorker(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q3")) {
            String a = queue.add("a", Map.of("x", 1), JobOptions.builder().attempts(3)
                    .backoff(Backoff.exponential(Duration.ofSeconds(1))).build());
            String b = queue.add("b", Map.of("y", "z/w"), JobOptions.builder().lifo(true).build());
            String c = queue.add("c", List.of(1, 2), JobOptions.builder().priority(5).build());
            long before = System.currentTimeMillis();
            String d = queue.add("d", Map.of(), JobOptions.builder().delay(Duration.ofMillis(1500)).build());
            Map<String, Object> cfg = config(server, prefix, "q3");
            cfg.put("count", 4);
            JsonNode seen = NodeRunner.run("work", cfg).get("seen");
            Map<String, JsonNode> byId = new java.util.HashMap<>();
            seen.forEach(j -> byId.put(j.get("id").asText(), j));
            assertThat(byId).containsOnlyKeys(a, b, c, d);
            assertThat(byId.get(a).at("/data/x").asInt()).isEqualTo(1);
            assertThat(byId.get(a).at("/opts/attempts").asInt()).isEqualTo(3);
            assertThat(byId.get(a).at("/opts/backoff/type").asText()).isEqualTo("exponential");
            assertThat(byId.get(a).at("/opts/backoff/delay").asInt()).isEqualTo(1000);
            assertThat(byId.get(b).at("/data/y").asText()).isEqualTo("z/w");
            assertThat(byId.get(b).at("/opts/lifo").asBoolean()).isTrue();
            assertThat(byId.get(c).get("data").toString()).isEqualTo("[1,2]");
            assertThat(byId.get(c).at("/opts/priority").asInt()).isEqualTo(5);
            assertThat(byId.get(d).at("/opts/delay").asInt()).isEqualTo(1500);
            assertThat(byId.get(d).get("startedAt").asLong()).isGreaterThanOrEqualTo(before + 1500);
        }
    }

    @Test
    void queueNamesListsNodeMadeQueuesWithJavaMadeOnes(RedisServer server, RedisTestPrefix prefix) {
        Map<String, Object> cfg = config(server, prefix, "made-by-node");
        cfg.put("jobs", List.of(Map.of("name", "n", "data", Map.of(), "opts", Map.of())));
        NodeRunner.run("add", cfg);
        try (TaskQueue tq = taskQueue(server, prefix); RespClient redis = server.client()) {
            assertThat(redis.call("EXISTS", prefix.key("made-by-node:meta"), prefix.key("made-by-node:id")))
                    .as("the keys a Node queue has").isEqualTo(2L);
            tq.queue("made-by-java").add("j", Map.of());
            assertThat(tq.queueNames()).containsExactly("made-by-java", "made-by-node");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }
}
