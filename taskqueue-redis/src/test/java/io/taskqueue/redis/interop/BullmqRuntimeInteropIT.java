package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Backoff;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobState;
import io.taskqueue.Queue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisBackend;
import io.taskqueue.redis.RedisBackendOptions;
import io.taskqueue.redis.fault.FaultWorkerMain;
import io.taskqueue.redis.interop.CheckSupport.Entry;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.spi.QueueBackend;
import io.taskqueue.testing.server.RedisExtension;
import io.taskqueue.testing.server.RedisServer;
import io.taskqueue.testing.server.RedisTestPrefix;
import io.taskqueue.testing.server.RespClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks of protocol §14 against bullmq 6.7.0 that run workers of both runtimes: 5 (retry and
 * backoff parity), 6 (locks and cross-runtime stall recovery) and 8 (delayed promotion and markers).
 * Timing is only asserted with generous slack; everything else waits on conditions.
 */
@ExtendWith(RedisExtension.class)
class BullmqRuntimeInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String STALL_REASON = "job stalled more than allowable limit";
    /** Slack on "starts within about N s" assertions: generous, for a noisy 2-core machine. */
    private static final long SLACK_MS = 1500;

    private static RedisBackend backend(RedisServer server, RedisTestPrefix prefix) {
        return RedisBackend.create(RedisBackendOptions.builder().url(server.uri().toString()).prefix(prefix.value())
                .build());
    }

    // ---------------------------------------------------------------- check 5

    /** One observation of a job between attempts: its hash and its delayed score (null when not delayed). */
    private record Snapshot(Map<String, String> hash, Double delayedScore) {
        int atm() {
            return Integer.parseInt(hash.getOrDefault("atm", "0"));
        }
    }

    private static final String SNAPSHOT_LUA = "local h = redis.call('HGETALL', KEYS[1]) "
            + "local s = redis.call('ZSCORE', KEYS[2], ARGV[1]) return {h, s}";

    /** Polls the job every few ms (bounded by PATIENCE) and keeps one snapshot per delayed retry. */
    private static final class RetryRecorder implements AutoCloseable {
        private final List<Snapshot> delayed = new CopyOnWriteArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        RetryRecorder(RedisServer server, String prefix, String queue, String jobId) {
            String jobKey = prefix + ":" + queue + ":" + jobId;
            String delayedKey = prefix + ":" + queue + ":delayed";
            thread = new Thread(() -> {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                int lastAtm = 0;
                try (RespClient redis = server.client()) {
                    while (!stop.get() && System.nanoTime() < deadline) {
                        List<?> r = (List<?>) redis.call("EVAL", SNAPSHOT_LUA, "2", jobKey, delayedKey, jobId);
                        List<?> flat = (List<?>) r.get(0);
                        Object score = r.size() > 1 ? r.get(1) : null;
                        if (score != null) {
                            Map<String, String> h = new java.util.TreeMap<>();
                            for (int i = 0; i + 1 < flat.size(); i += 2) {
                                h.put((String) flat.get(i), (String) flat.get(i + 1));
                            }
                            Snapshot s = new Snapshot(h, Double.parseDouble(String.valueOf(score)));
                            if (s.atm() > lastAtm) {
                                delayed.add(s);
                                lastAtm = s.atm();
                            }
                        }
                        Thread.sleep(3);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "retry-recorder-" + queue);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(10_000);
        }
    }

    /** What one runtime's run of the failing job left: per-retry snapshots, failure times, final hash, events. */
    private record RetryRun(String jobId, List<Snapshot> retries, Map<Integer, Long> failedAt, Map<String, String> last,
            List<Entry> events, List<String> failedSet) {
    }

    @Test
    void check05_retryAndBackoffParity(RedisServer server, RedisTestPrefix prefix) throws Exception {
        NodeRunner.ensureInstalled();
        Map<String, Object> nodeOpts = Map.of("attempts", 4, "backoff", Map.of("type", "exponential", "delay", 200),
                "stackTraceLimit", 2);
        JobOptions javaOpts = JobOptions.builder().attempts(4).backoff(Backoff.exponential(Duration.ofMillis(200)))
                .stackTraceLimit(2).build();
        RetryRun node;
        RetryRun java;
        try (RespClient redis = server.client(); RedisBackend backend = backend(server, prefix)) {
            // Node: Node adds the job and a Node worker runs the failing processor
            Map<String, Object> ncfg = config(server, prefix, "n5");
            String nodeId = NodeChecks.ops(ncfg, List.of(Map.of("op", "add", "name", "flaky", "data", Map.of("k", 1),
                    "opts", nodeOpts))).get(0).get("id").asText();
            try (RetryRecorder rec = new RetryRecorder(server, prefix.value(), "n5", nodeId)) {
                ncfg.put("count", 1);
                ncfg.put("failNames", List.of("flaky"));
                ncfg.put("workerOpts", Map.of("name", "w5", "drainDelay", 1));
                JsonNode nodeResult = NodeChecks.run("worker", ncfg);
                assertThat(nodeResult.get("finished").asInt()).as("Node worker finished the job").isEqualTo(1);
                rec.close();
                Map<Integer, Long> failedAt = new HashMap<>();
                nodeResult.get("failures").forEach(f -> failedAt.put(f.get("attempt").asInt(), f.get("at").asLong()));
                node = new RetryRun(nodeId, List.copyOf(rec.delayed), failedAt,
                        CheckSupport.hash(redis, prefix.key("n5:" + nodeId)),
                        CheckSupport.eventsOf(CheckSupport.events(redis, prefix.value(), "n5"), nodeId),
                        CheckSupport.zmembers(redis, prefix.key("n5:failed")));
            }

            // Java: Java adds the job and a Java worker runs the same failing processor
            try (Queue queue = Queue.open(backend, "j5")) {
                String javaId = queue.add("flaky", Map.of("k", 1), javaOpts);
                Map<Integer, Long> failedAt = new ConcurrentHashMap<>();
                Handlers handlers = Handlers.builder().on("flaky", ctx -> {
                    int attempt = ctx.job().attemptsMade() + 1;
                    failedAt.put(attempt, System.currentTimeMillis());
                    throw new IllegalStateException("attempt " + attempt + " failed");
                }).build();
                try (RetryRecorder rec = new RetryRecorder(server, prefix.value(), "j5", javaId);
                        Worker worker = Worker.builder(backend, "j5").handlers(handlers).options(WorkerOptions.builder()
                                .name("w5").drainDelay(Duration.ofSeconds(1)).build()).build().start()) {
                    await().atMost(PATIENCE).until(() -> queue.getState(javaId) == JobState.FAILED);
                    rec.close();
                    java = new RetryRun(javaId, List.copyOf(rec.delayed), Map.copyOf(failedAt),
                            CheckSupport.hash(redis, prefix.key("j5:" + javaId)),
                            CheckSupport.eventsOf(CheckSupport.events(redis, prefix.value(), "j5"), javaId),
                            CheckSupport.zmembers(redis, prefix.key("j5:failed")));
                }
            }
        }
        for (RetryRun run : List.of(node, java)) {
            String who = run == node ? "node" : "java";
            assertThat(run.retries()).as(who + " retries seen in delayed").hasSize(3);
            for (int n = 1; n <= 3; n++) {
                Snapshot s = run.retries().get(n - 1);
                long expectedDelay = 200L << (n - 1);
                assertThat(s.atm()).as(who + " atm after attempt " + n).isEqualTo(n);
                assertThat(s.hash().get("delay")).as(who + " delay field after attempt " + n)
                        .isEqualTo(Long.toString(expectedDelay));
                assertThat(s.hash().get("failedReason")).as(who + " failedReason after attempt " + n)
                        .isEqualTo("attempt " + n + " failed");
                JsonNode stack = NodeRunner.json().readTree(s.hash().get("stacktrace"));
                assertThat(stack.isArray()).as(who + " stacktrace is a JSON array").isTrue();
                assertThat(stack.size()).as(who + " stacktrace length after attempt " + n).isEqualTo(Math.min(n, 2));
                long due = (long) Math.floor(s.delayedScore() / 4096);
                long sinceFailure = due - run.failedAt().get(n);
                assertThat(sinceFailure).as(who + " due - failure time after attempt " + n)
                        .isBetween(expectedDelay, expectedDelay + SLACK_MS);
                // the delayed event carries the same due time as the score
                Entry delayedEvent = run.events().stream().filter(e -> "delayed".equals(e.event())).toList().get(n - 1);
                assertThat((long) Math.floor(Double.parseDouble(delayedEvent.get("delay")))).isEqualTo(due);
            }
            Map<String, String> last = run.last();
            assertThat(last.get("atm")).as(who + " final atm").isEqualTo("4");
            assertThat(last.get("ats")).as(who + " final ats").isEqualTo("4");
            assertThat(last.get("failedReason")).as(who + " final failedReason").isEqualTo("attempt 4 failed");
            assertThat(NodeRunner.json().readTree(last.get("stacktrace")).size()).as(who + " final stacktrace")
                    .isEqualTo(2);
            assertThat(last).as(who + " final hash").containsKey("finishedOn").doesNotContainKey("defa");
            assertThat(run.failedSet()).as(who + " failed set").containsExactly(run.jobId());
        }
        List<String> expected = List.of("added", "waiting", "active/waiting", "delayed", "waiting/delayed",
                "active/waiting", "delayed", "waiting/delayed", "active/waiting", "delayed", "waiting/delayed",
                "active/waiting", "failed/active", "retries-exhausted");
        assertThat(CheckSupport.shape(node.events())).as("Node's event sequence").containsExactlyElementsOf(expected);
        assertThat(CheckSupport.shape(java.events())).as("Java's event sequence").containsExactlyElementsOf(expected);
        Entry nodeFailed = node.events().get(node.events().size() - 2);
        Entry javaFailed = java.events().get(java.events().size() - 2);
        assertThat(javaFailed.fields().keySet()).containsExactlyElementsOf(nodeFailed.fields().keySet());
        assertThat(javaFailed.get("failedReason")).isEqualTo(nodeFailed.get("failedReason"));
        Entry nodeExhausted = node.events().get(node.events().size() - 1);
        Entry javaExhausted = java.events().get(java.events().size() - 1);
        assertThat(javaExhausted.fields()).isEqualTo(Map.of("event", "retries-exhausted", "jobId", java.jobId(),
                "attemptsMade", "4"));
        assertThat(nodeExhausted.fields()).isEqualTo(Map.of("event", "retries-exhausted", "jobId", node.jobId(),
                "attemptsMade", "4"));
        assertThat(java.last().keySet()).as("final job hash fields, Java vs Node")
                .containsExactlyInAnyOrderElementsOf(node.last().keySet());
    }

    // ---------------------------------------------------------------- check 6

    @Test
    void check06_javaWorkerKilledNodeRecovers(RedisServer server, RedisTestPrefix prefix) throws Exception {
        NodeRunner.ensureInstalled();
        try (RedisBackend backend = backend(server, prefix); Queue queue = Queue.open(backend, "q6a");
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
        try (RedisBackend backend = backend(server, prefix); Queue queue = Queue.open(backend, "q6b");
                RespClient redis = server.client()) {
            String id = killNodeWorkerMidJob(server, prefix, "q6b", 1);
            assertThat(queue.getState(id)).isEqualTo(JobState.ACTIVE);
            AtomicInteger runs = new AtomicInteger();
            Handlers handlers = Handlers.builder().on("slow", ctx -> runs.incrementAndGet()).build();
            try (Worker worker = Worker.builder(backend, "q6b").handlers(handlers).options(WorkerOptions.builder()
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
        try (RedisBackend backend = backend(server, prefix); Queue queue = Queue.open(backend, "q6c");
                RespClient redis = server.client()) {
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
        try (RedisBackend backend = backend(server, prefix); Queue queue = Queue.open(backend, "q6d");
                RespClient redis = server.client()) {
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
            try (Worker worker = Worker.builder(backend, "q6d").handlers(handlers).options(WorkerOptions.builder()
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
        try (RedisBackend backend = backend(server, prefix); Queue queue = Queue.open(backend, "q6e");
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
                try (Worker worker = Worker.builder(backend, "q6e").handlers(handlers).options(WorkerOptions.builder()
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

    // ---------------------------------------------------------------- check 8

    @Test
    void check08_javaDelayedJobWakesAnIdleNodeWorker(RedisServer server, RedisTestPrefix prefix) throws Exception {
        NodeRunner.ensureInstalled();
        try (RedisBackend backend = backend(server, prefix); Queue queue = Queue.open(backend, "q8a");
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
        try (RedisBackend backend = backend(server, prefix); Queue queue = Queue.open(backend, "q8b");
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
            try (Worker worker = Worker.builder(backend, "q8b").handlers(handlers).options(WorkerOptions.builder()
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
