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
import io.taskqueue.redis.fault.FaultWorkerMain;
import io.taskqueue.redis.interop.CheckSupport.Entry;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Check 6 (locks and cross-runtime stall recovery, the stall limit, and long jobs that keep their lock) of docs/protocol.md §14 against bullmq 6.7.0, with workers of both runtimes. Timing is only
 * asserted with generous slack; everything else waits on conditions.
 */
@ExtendWith(RedisExtension.class)
class BullmqStallInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String STALL_REASON = "job stalled more than allowable limit";

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(server, prefix);
    }

    @Test
    void check06_javaWorkerKilledNodeRecovers(RedisServer server, RedisTestPrefix prefix) throws Exception {
        NodeRunner.ensureInstalled();
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q6a");
                RespClient redis = server.client()) {
            String id = queue.add("slow", Map.of("n", 1));
            killJavaWorkerMidJob(server, prefix, "q6a", id);
            assertThat(queue.getState(id)).isEqualTo(JobState.ACTIVE);
            Map<String, Object> cfg = config(server, prefix, "q6a");
            cfg.put("count", 1);
            cfg.put("workerOpts", Map.of("name", "w6-node", "stalledInterval", 1000, "drainDelay", 1));
            JsonNode result = NodeChecks.run("worker", cfg);
            assertThat(result.get("finished").asInt()).as("Node completed the recovered job").isEqualTo(1);
            assertThat(result.at("/seen/0/id").asText()).isEqualTo(id);
            assertRecovered(redis, prefix, "q6a", id);
            assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
        }
    }

    @Test
    void check06_nodeWorkerKilledJavaRecovers(RedisServer server, RedisTestPrefix prefix) throws Exception {
        NodeRunner.ensureInstalled();
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q6b");
                RespClient redis = server.client()) {
            String id = killNodeWorkerMidJob(server, prefix, "q6b", 1);
            assertThat(queue.getState(id)).isEqualTo(JobState.ACTIVE);
            AtomicInteger runs = new AtomicInteger();
            Handlers handlers = Handlers.builder().on("slow", ctx -> runs.incrementAndGet()).build();
            try (Worker worker = tq.worker("q6b").handlers(handlers).options(WorkerOptions.builder()
                    .name("w6-java").lockDuration(Duration.ofSeconds(2)).stalledInterval(Duration.ofSeconds(1))
                    .drainDelay(Duration.ofMillis(200)).build()).build().start()) {
                await().atMost(PATIENCE).until(() -> queue.getState(id) == JobState.COMPLETED);
            }
            assertThat(runs).hasValue(1);
            assertRecovered(redis, prefix, "q6b", id);
        }
    }

    /** stc=1, a "waiting" prev=active followed by "stalled", then the job ran again and completed. */
    private static void assertRecovered(RespClient redis, RedisTestPrefix prefix, String queue, String id) {
        List<String> shape = CheckSupport.shape(CheckSupport.eventsOf(CheckSupport.events(redis, prefix.value(), queue),
                id));
        assertThat(shape).containsExactly("added", "waiting", "active/waiting", "waiting/active", "stalled",
                "active/waiting", "completed/active");
        Map<String, String> hash = CheckSupport.hash(redis, prefix.key(queue + ":" + id));
        assertThat(hash.get("stc")).isEqualTo("1");
        assertThat(hash.get("ats")).isEqualTo("2");
        assertThat(hash.get("atm")).isEqualTo("1");
        assertThat(hash).doesNotContainKey("defa");
    }

    @Test
    void check06_maxStalledCountZeroJavaSetsDefaNodeFails(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        NodeRunner.ensureInstalled();
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q6c");
                Backend backend = RedisTestBackends.backend(server, prefix); RespClient redis = server.client()) {
            String id = killNodeWorkerMidJob(server, prefix, "q6c", 1);
            // Java's stall check with maxStalledCount 0: candidates first, the lock expires, then recovery
            QueueBackend q = backend.queue("q6c");
            assertThat(q.checkStalled(0, 100, System.currentTimeMillis())).isEmpty();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<String> ids = q.checkStalled(0, 100, System.currentTimeMillis());
                return ids.contains(id);
            });
            assertThat(CheckSupport.hash(redis, prefix.key("q6c:" + id))).containsEntry("defa", STALL_REASON);
            Map<String, Object> cfg = config(server, prefix, "q6c");
            cfg.put("count", 1);
            cfg.put("workerOpts", Map.of("name", "w6-node", "drainDelay", 1));
            JsonNode result = NodeChecks.run("worker", cfg);
            assertThat(result.get("seen")).as("Node must not run the processor").isEmpty();
            assertThat(result.at("/failed/0/reason").asText()).isEqualTo(STALL_REASON);
            assertFailedByStallLimit(redis, prefix, "q6c", id);
        }
    }

    @Test
    void check06_maxStalledCountZeroNodeSetsDefaJavaFails(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        NodeRunner.ensureInstalled();
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q6d");
                Backend backend = RedisTestBackends.backend(server, prefix); RespClient redis = server.client()) {
            String id = queue.add("slow", Map.of("n", 1));
            // a Java fetch that never renews nor finishes: the lock (500 ms) simply expires
            FetchResult fetched = backend.queue("q6d").fetch(new FetchRequest("dead-token", 500, "w-dead",
                    System.currentTimeMillis()));
            assertThat(fetched).isInstanceOf(FetchResult.Fetched.class);
            // Node runs only its stall checker (maxStalledCount 0): it marks defa and requeues the job
            Map<String, Object> cfg = config(server, prefix, "q6d");
            cfg.put("workerOpts", Map.of("name", "w6-stall", "stalledInterval", 300, "maxStalledCount", 0));
            try (NodeChecks.Proc node = NodeChecks.start("stallCheck", cfg)) {
                node.awaitLine("READY");
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() ->
                        STALL_REASON.equals(CheckSupport.hash(redis, prefix.key("q6d:" + id)).get("defa")));
                node.closeStdin();
                assertThat(node.result().get("stalled")).hasSize(1);
            }
            assertThat(queue.getState(id)).isEqualTo(JobState.WAITING);
            AtomicInteger runs = new AtomicInteger();
            Handlers handlers = Handlers.builder().on("slow", ctx -> runs.incrementAndGet()).build();
            try (Worker worker = tq.worker("q6d").handlers(handlers).options(WorkerOptions.builder()
                    .name("w6-java").drainDelay(Duration.ofMillis(200)).build()).build().start()) {
                await().atMost(PATIENCE).until(() -> queue.getState(id) == JobState.FAILED);
            }
            assertThat(runs).as("Java must not run the handler").hasValue(0);
            assertFailedByStallLimit(redis, prefix, "q6d", id);
        }
    }

    private static void assertFailedByStallLimit(RespClient redis, RedisTestPrefix prefix, String queue, String id) {
        Map<String, String> hash = CheckSupport.hash(redis, prefix.key(queue + ":" + id));
        assertThat(hash.get("failedReason")).isEqualTo(STALL_REASON);
        assertThat(hash).doesNotContainKey("defa");
        assertThat(hash.get("stc")).isEqualTo("1");
        assertThat(CheckSupport.zmembers(redis, prefix.key(queue + ":failed"))).containsExactly(id);
        List<Entry> events = CheckSupport.eventsOf(CheckSupport.events(redis, prefix.value(), queue), id);
        assertThat(CheckSupport.shape(events)).containsSubsequence("waiting/active", "stalled", "active/waiting",
                "failed/active");
        assertThat(events.stream().filter(e -> "failed".equals(e.event())).findFirst().orElseThrow().get("failedReason"))
                .isEqualTo(STALL_REASON);
    }

    @Test
    void check06_longJavaJobIsNotRequeuedByNodeStallChecker(RedisServer server, RedisTestPrefix prefix)
            throws Exception {
        NodeRunner.ensureInstalled();
        Duration lock = Duration.ofMillis(1500);
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q6e");
                RespClient redis = server.client()) {
            Map<String, Object> cfg = config(server, prefix, "q6e");
            cfg.put("workerOpts", Map.of("name", "w6-checker", "stalledInterval", 300, "maxStalledCount", 0));
            AtomicInteger runs = new AtomicInteger();
            AtomicBoolean release = new AtomicBoolean();
            Handlers handlers = Handlers.builder().on("long", ctx -> {
                runs.incrementAndGet();
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3 * lock.toMillis() + 500);
                while (System.nanoTime() < end && !release.get()) {
                    Thread.sleep(20);
                }
                return "done";
            }).build();
            try (NodeChecks.Proc node = NodeChecks.start("stallCheck", cfg)) {
                node.awaitLine("READY");
                String id = queue.add("long", Map.of());
                try (Worker worker = tq.worker("q6e").handlers(handlers).options(WorkerOptions.builder()
                        .name("w6-long").lockDuration(lock).drainDelay(Duration.ofMillis(200)).build())
                        .build().start()) {
                    await().atMost(PATIENCE).until(() -> queue.getState(id) == JobState.COMPLETED);
                }
                node.closeStdin();
                JsonNode checker = node.result();
                assertThat(checker.get("checks").asInt()).as("Node stall checks run during the job")
                        .isGreaterThanOrEqualTo(3);
                assertThat(checker.get("stalled")).as("jobs Node's stall checker requeued").isEmpty();
                assertThat(runs).hasValue(1);
                Map<String, String> hash = CheckSupport.hash(redis, prefix.key("q6e:" + id));
                assertThat(hash).doesNotContainKeys("stc", "defa");
                assertThat(Long.parseLong(hash.get("finishedOn")) - Long.parseLong(hash.get("processedOn")))
                        .isGreaterThanOrEqualTo(3 * lock.toMillis());
                assertThat(CheckSupport.shape(CheckSupport.eventsOf(CheckSupport.events(redis, prefix.value(), "q6e"),
                        id))).containsExactly("added", "waiting", "active/waiting", "completed/active");
            }
        }
    }

    /** Starts a worker JVM (lock 2 s) on {@code queue}, waits until it runs {@code id}, then SIGKILLs it. */
    private static void killJavaWorkerMidJob(RedisServer server, RedisTestPrefix prefix, String queue, String id)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process doomed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FaultWorkerMain.class.getName(), server.uri().toString(), prefix.value(), queue)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(doomed.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("STARTED"));
            assertThat(line).isEqualTo("STARTED " + id);
        } finally {
            doomed.destroyForcibly(); // SIGKILL: no lock release, no renewal
            doomed.waitFor(30, TimeUnit.SECONDS);
        }
        // The dead worker's own stall check ran at its start with the default 30 s interval, and its
        // throttle key would hold every other checker off for that long: drop it to keep the test short.
        try (RespClient redis = server.client()) {
            redis.call("DEL", prefix.key(queue + ":stalled-check"));
        }
    }

    /** Node adds a "slow" job, a Node worker (lock 2 s) starts it and is SIGKILLed; returns the job id. */
    private static String killNodeWorkerMidJob(RedisServer server, RedisTestPrefix prefix, String queue, int n) {
        Map<String, Object> cfg = config(server, prefix, queue);
        String id = NodeChecks.ops(cfg, List.of(Map.of("op", "add", "name", "slow", "data", Map.of("n", n))))
                .get(0).get("id").asText();
        cfg.put("hangNames", List.of("slow"));
        cfg.put("workerOpts", Map.of("name", "w6-doomed", "lockDuration", 2000, "stalledInterval", 1000,
                "drainDelay", 1));
        try (NodeChecks.Proc node = NodeChecks.start("worker", cfg)) {
            assertThat(node.awaitLine("STARTED")).isEqualTo("STARTED " + id);
            node.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return id;
    }
}
