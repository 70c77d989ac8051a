package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Handlers;
import io.taskqueue.InvalidJobStateException;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.redis.interop.CheckSupport.Entry;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.RemoveResult;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks of docs/protocol.md §14 against bullmq 6.7.0 on finished-job retention and maintenance: 12
 * (removeOnComplete / removeOnFail with workers of either runtime) and 14 (clean, drain, obliterate,
 * retryJobs, job.retry and remove across runtimes).
 */
@ExtendWith(RedisExtension.class)
class BullmqMaintenanceInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(server, prefix);
    }

    private static WorkerOptions fast(String name) {
        return WorkerOptions.builder().name(name).drainDelay(Duration.ofMillis(200)).build();
    }

    private static Handlers okAndBad() {
        return Handlers.builder()
                .on("ok", ctx -> Map.of("echo", ctx.data()))
                .on("bad", ctx -> {
                    throw new IllegalStateException("bad job");
                }).build();
    }

    // ---------------------------------------------------------------- check 12

    /** What a retention run left behind, in terms comparable across runtimes (ids are the same). */
    private record Retained(List<String> completed, List<String> failed, List<String> nodeCompleted,
            List<String> nodeFailed, List<String> jobHashes, List<String> completedEvents, List<String> failedEvents) {
    }

    @Test
    void check12_retentionByCountAndAgeSameWithJavaAndNodeWorkers(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        NodeRunner.ensureInstalled();
        JobOptions opts = JobOptions.builder().removeOnComplete(KeepJobs.count(5))
                .removeOnFail(KeepJobs.age(Duration.ofSeconds(1))).build();
        Retained java;
        Retained node;
        try (TaskQueue tq = taskQueue(server, prefix); RespClient redis = server.client();
                JobQueue jq = tq.queue("j12"); JobQueue nq = tq.queue("n12")) {
            // Java workers
            try (Worker worker = tq.worker("j12").handlers(okAndBad()).options(fast("w12")).build()
                    .start()) {
                runRetention(redis, prefix, jq, "j12", opts);
            }
            java = retained(server, redis, prefix, "j12");

            // Node workers, same producer and jobs
            Map<String, Object> cfg = config(server, prefix, "n12");
            cfg.put("count", 11);
            cfg.put("background", true);
            cfg.put("failNames", List.of("bad"));
            cfg.put("workerOpts", Map.of("name", "w12", "drainDelay", 1));
            try (NodeChecks.Proc nodeWorker = NodeChecks.start("worker", cfg)) {
                nodeWorker.awaitLine("READY");
                runRetention(redis, prefix, nq, "n12", opts);
                assertThat(nodeWorker.result().get("finished").asInt()).isEqualTo(11);
            }
            node = retained(server, redis, prefix, "n12");
        }
        List<String> newest5 = List.of("8", "7", "6", "5", "4");
        for (Retained r : List.of(java, node)) {
            String who = r == java ? "Java workers" : "Node workers";
            assertThat(r.nodeCompleted()).as(who + ": Node's getCompleted()").containsExactlyElementsOf(newest5);
            assertThat(r.nodeFailed()).as(who + ": Node's getFailed()").containsExactly("11");
            assertThat(r.completed()).as(who + ": completed set").containsExactlyInAnyOrderElementsOf(newest5);
            assertThat(r.failed()).as(who + ": failed set").containsExactly("11");
            assertThat(r.jobHashes()).as(who + ": job hashes left").containsExactlyInAnyOrder("4", "5", "6", "7", "8",
                    "11");
            assertThat(r.completedEvents()).as(who + ": completed events, removed jobs included")
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
            assertThat(r.failedEvents()).as(who + ": failed events").containsExactly("9", "10", "11");
        }
        assertThat(node).as("Node workers vs Java workers").isEqualTo(java);
    }

    /** Adds 8 ok + 2 bad jobs, waits for them, lets the failed ones age past 1 s, then fails one more. */
    private static void runRetention(RespClient redis, RedisTestPrefix prefix, JobQueue queue, String q, JobOptions opts) {
        for (int i = 0; i < 8; i++) {
            queue.add("ok", Map.of("i", i), opts);
        }
        queue.add("bad", Map.of("i", 8), opts);
        queue.add("bad", Map.of("i", 9), opts);
        await().atMost(PATIENCE).until(() -> count(redis, "ZCARD", prefix.key(q + ":failed")) == 2
                && count(redis, "ZCARD", prefix.key(q + ":completed")) == 5
                && count(redis, "LLEN", prefix.key(q + ":wait")) == 0
                && count(redis, "LLEN", prefix.key(q + ":active")) == 0);
        // both failed jobs are past their age now, yet still there: retention runs only when a job finishes
        long lastFinished = Long.parseLong(CheckSupport.hash(redis, prefix.key(q + ":10")).get("finishedOn"));
        await().atMost(PATIENCE).until(() -> redisMillis(redis) > lastFinished + 1100);
        // Both may fail in the same millisecond (equal scores sort by member), so order is not checked here.
        assertThat(CheckSupport.zmembers(redis, prefix.key(q + ":failed"))).containsExactlyInAnyOrder("9", "10");
        queue.add("bad", Map.of("i", 10), opts);
        await().atMost(PATIENCE).until(() -> CheckSupport.zmembers(redis, prefix.key(q + ":failed")).equals(List.of("11")));
    }

    private static Retained retained(RedisServer server, RespClient redis, RedisTestPrefix prefix, String q) {
        JsonNode r = NodeChecks.ops(config(server, prefix, q), List.of(Map.of("op", "ids", "state", "completed"),
                Map.of("op", "ids", "state", "failed")));
        List<String> hashes = new ArrayList<>();
        CheckSupport.keyTypes(redis, prefix.value(), q).forEach((suffix, type) -> {
            if ("hash".equals(type) && suffix.matches("\\d+")) {
                hashes.add(suffix);
            }
        });
        hashes.sort(null);
        List<Entry> events = CheckSupport.events(redis, prefix.value(), q);
        return new Retained(sorted(CheckSupport.zmembers(redis, prefix.key(q + ":completed"))),
                sorted(CheckSupport.zmembers(redis, prefix.key(q + ":failed"))), InteropSupport.texts(r.get(0).get("result")),
                InteropSupport.texts(r.get(1).get("result")), hashes,
                events.stream().filter(e -> "completed".equals(e.event())).map(e -> e.get("jobId")).toList(),
                events.stream().filter(e -> "failed".equals(e.event())).map(e -> e.get("jobId")).toList());
    }

    // ---------------------------------------------------------------- check 14

    /** Java adds 3 jobs to complete, 2 to fail, runs them with a Java worker, then adds 2 waiting, 1 prioritized, 1 delayed. */
    private static void makeWithJava(TaskQueue tq, RespClient redis, RedisTestPrefix prefix, JobQueue queue) {
        for (int i = 0; i < 3; i++) {
            queue.add("ok", Map.of("i", i));
        }
        queue.add("bad", Map.of("i", 3));
        queue.add("bad", Map.of("i", 4));
        try (Worker worker = tq.worker(queue.name()).handlers(okAndBad()).options(fast("w14")).build()
                .start()) {
            await().atMost(PATIENCE).until(() -> count(redis, "ZCARD", prefix.key(queue.name() + ":completed")) == 3
                    && count(redis, "ZCARD", prefix.key(queue.name() + ":failed")) == 2);
        }
        queue.add("w", Map.of("i", 5));
        queue.add("w", Map.of("i", 6));
        queue.add("p", Map.of("i", 7), JobOptions.builder().priority(2).build());
        queue.add("d", Map.of("i", 8), JobOptions.builder().delay(Duration.ofHours(1)).build());
    }

    /** The same with Node: Node adds, a Node worker runs, Node adds the rest. */
    private static void makeWithNode(RedisServer server, RedisTestPrefix prefix, String q) {
        Map<String, Object> cfg = config(server, prefix, q);
        List<Map<String, Object>> adds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            adds.add(Map.of("op", "add", "name", "ok", "data", Map.of("i", i)));
        }
        adds.add(Map.of("op", "add", "name", "bad", "data", Map.of("i", 3)));
        adds.add(Map.of("op", "add", "name", "bad", "data", Map.of("i", 4)));
        NodeChecks.ops(cfg, adds);
        Map<String, Object> wcfg = new LinkedHashMap<>(cfg);
        wcfg.put("count", 5);
        wcfg.put("failNames", List.of("bad"));
        wcfg.put("workerOpts", Map.of("name", "w14", "drainDelay", 1));
        assertThat(NodeChecks.run("worker", wcfg).get("finished").asInt()).isEqualTo(5);
        NodeChecks.ops(cfg, List.of(
                Map.of("op", "add", "name", "w", "data", Map.of("i", 5)),
                Map.of("op", "add", "name", "w", "data", Map.of("i", 6)),
                Map.of("op", "add", "name", "p", "data", Map.of("i", 7), "opts", Map.of("priority", 2)),
                Map.of("op", "add", "name", "d", "data", Map.of("i", 8), "opts", Map.of("delay", 3_600_000))));
    }

    /** job.retry on failed job 4, retryJobs(failed), clean(0, completed), remove(8), drain(false), all by Node. */
    private static void maintainWithNode(RedisServer server, RedisTestPrefix prefix, String q) {
        JsonNode r = NodeChecks.ops(config(server, prefix, q), List.of(
                Map.of("op", "jobRetry", "id", "4", "state", "failed"),
                Map.of("op", "retryJobs", "state", "failed"),
                Map.of("op", "clean", "grace", 0, "limit", 1000, "type", "completed"),
                Map.of("op", "remove", "id", "8"),
                Map.of("op", "drain", "delayed", false)));
        r.forEach(op -> assertThat(op.has("error")).as("Node " + op).isFalse());
        assertThat(InteropSupport.texts(r.get(2).get("result"))).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(r.get(3).get("result").asInt()).isEqualTo(1);
    }

    /** The same operations by Java (retryJobs is a retry of each failed job: the core API has no bulk retry). */
    private static void maintainWithJava(JobQueue queue) {
        assertThat(queue.retry("4")).isTrue();
        for (Job job : queue.getJobs(JobState.FAILED, 0, -1)) {
            assertThat(queue.retry(job.id())).isTrue();
        }
        assertThat(queue.clean(Duration.ZERO, 1000, JobState.COMPLETED)).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(queue.remove("8")).isTrue();
        queue.drain(false);
    }

    @Test
    void check14_maintenanceAcrossRuntimesMatchesSingleRuntimeRuns(RedisServer server, RedisTestPrefix prefix) {
        NodeRunner.ensureInstalled();
        // queue name: maker + operator runtime
        List<String> queues = List.of("jj", "jn", "nn", "nj");
        Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        Map<String, Map<String, InteropSupport.KeyDump>> dumps = new LinkedHashMap<>();
        Map<String, List<Entry>> events = new LinkedHashMap<>();
        try (TaskQueue tq = taskQueue(server, prefix); RespClient redis = server.client()) {
            long since = redisMillis(redis);
            for (String q : queues) {
                try (JobQueue queue = tq.queue(q)) {
                    if (q.charAt(0) == 'j') {
                        makeWithJava(tq, redis, prefix, queue);
                    } else {
                        makeWithNode(server, prefix, q);
                    }
                    if (q.charAt(1) == 'j') {
                        maintainWithJava(queue);
                    } else {
                        maintainWithNode(server, prefix, q);
                    }
                    keys.put(q, CheckSupport.keyTypes(redis, prefix.value(), q));
                    dumps.put(q, InteropSupport.dump(redis, prefix.value(), q));
                    events.put(q, CheckSupport.events(redis, prefix.value(), q));
                    assertMaintenanceEvents(CheckSupport.events(redis, prefix.value(), q), q);
                    assertThat(CheckSupport.zmembers(redis, prefix.key(q + ":delayed"))).as(q).containsExactly("9");
                }
            }
            long until = redisMillis(redis);
            for (String q : queues) {
                assertThat(keys.get(q)).as("key set of " + q + " vs jj (Java made, Java maintained)")
                        .isEqualTo(keys.get("jj"));
                MaintainedQueues.assertSameState(q, dumps.get("jj"), events.get("jj"), dumps.get(q), events.get(q),
                        since, until);
            }
            assertThat(keys.get("jj")).containsKeys("9", "delayed", "events", "id", "meta")
                    .doesNotContainKeys("1", "2", "3", "4", "5", "6", "7", "8", "wait", "prioritized", "completed",
                            "failed", "active");

            // obliterate: Node on a Java-made queue, Java on a Node-made one, and the single-runtime runs
            for (String q : queues) {
                if (q.charAt(1) == 'j') {
                    try (JobQueue queue = tq.queue(q)) {
                        queue.obliterate(false);
                    }
                } else {
                    JsonNode r = NodeChecks.ops(config(server, prefix, q), List.of(Map.of("op", "obliterate")));
                    assertThat(r.get(0).has("error")).as(r.toString()).isFalse();
                }
                assertThat(CheckSupport.keyTypes(redis, prefix.value(), q)).as("keys left after obliterate of " + q)
                        .isEmpty();
            }
        }
    }

    /** waiting prev=failed for the retried jobs, one cleaned count=3, removed prev=prioritized, no other removed. */
    private static void assertMaintenanceEvents(List<Entry> events, String q) {
        assertThat(CheckSupport.shape(CheckSupport.eventsOf(events, "4"))).as(q).endsWith("failed/active",
                "retries-exhausted", "waiting/failed");
        assertThat(CheckSupport.shape(CheckSupport.eventsOf(events, "5"))).as(q).endsWith("failed/active",
                "retries-exhausted", "waiting/failed");
        List<Entry> cleaned = events.stream().filter(e -> "cleaned".equals(e.event())).toList();
        assertThat(cleaned).as(q + " cleaned events").hasSize(1);
        assertThat(cleaned.get(0).fields()).isEqualTo(Map.of("event", "cleaned", "count", "3"));
        List<Entry> removed = events.stream().filter(e -> "removed".equals(e.event())).toList();
        assertThat(removed).as(q + " removed events").hasSize(1);
        assertThat(removed.get(0).fields()).isEqualTo(Map.of("event", "removed", "jobId", "8", "prev", "prioritized"));
    }

    @Test
    void check14_removeOfALockedJobAndOfASchedulersCurrentJob(RedisServer server, RedisTestPrefix prefix) {
        NodeRunner.ensureInstalled();
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q14r");
                Backend backend = RedisTestBackends.backend(server, prefix); RespClient redis = server.client()) {
            Map<String, Object> cfg = config(server, prefix, "q14r");
            // a Node-made job locked by a Java fetch: remove gives 0 in Node and false in Java
            String id = NodeChecks.ops(cfg, List.of(Map.of("op", "add", "name", "l", "data", Map.of())))
                    .get(0).get("id").asText();
            FetchResult fetched = backend.queue("q14r").fetch(new FetchRequest("java-token", 60_000, "w14",
                    System.currentTimeMillis()));
            assertThat(fetched).isInstanceOf(FetchResult.Fetched.class);
            JsonNode nodeRemove = NodeChecks.ops(cfg, List.of(Map.of("op", "remove", "id", id))).get(0);
            assertThat(nodeRemove.has("error")).as(nodeRemove.toString()).isFalse();
            assertThat(nodeRemove.get("result").asInt()).as("Node remove of a locked job").isEqualTo(0);
            assertThat(queue.remove(id)).as("Java remove of a locked job").isFalse();
            assertThat(backend.queue("q14r").remove(id)).isEqualTo(RemoveResult.LOCKED);
            assertThat(queue.getState(id)).isEqualTo(JobState.ACTIVE);

            // a scheduler made by Node: removing its current job is refused with -8 in both runtimes
            JsonNode upsert = NodeChecks.ops(cfg, List.of(Map.of("op", "upsertScheduler", "id", "s1",
                    "repeat", Map.of("every", 3_600_000), "template", Map.of("name", "tick", "data", Map.of()))))
                    .get(0);
            assertThat(upsert.has("error")).as(upsert.toString()).isFalse();
            String schedulerJob = upsert.get("id").asText();
            assertThat(schedulerJob).startsWith("repeat:s1:");
            JsonNode nodeRefused = NodeChecks.ops(cfg, List.of(Map.of("op", "remove", "id", schedulerJob,
                    "expectError", true))).get(0);
            assertThat(nodeRefused.get("error").asText()).as("Node's error for code -8")
                    .contains("belongs to a job scheduler");
            assertThatThrownBy(() -> queue.remove(schedulerJob)).isInstanceOf(InvalidJobStateException.class)
                    .hasMessageContaining("job scheduler");
            assertThat(redis.call("EXISTS", prefix.key("q14r:" + schedulerJob))).isEqualTo(1L);
        }
    }

    private static long count(RespClient redis, String command, String key) {
        return (Long) redis.call(command, key);
    }

    private static long redisMillis(RespClient redis) {
        List<?> t = (List<?>) redis.call("TIME");
        return Long.parseLong((String) t.get(0)) * 1000 + Long.parseLong((String) t.get(1)) / 1000;
    }

    private static List<String> sorted(List<String> in) {
        List<String> out = new ArrayList<>(in);
        out.sort(null);
        return out;
    }
}
