package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Backoff;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Check 5 (retry and backoff parity: attempts, delays, scores, reasons, stack traces, events) of
 * docs/protocol.md §14 against bullmq 6.7.0, with workers of both runtimes. Timing is asserted with
 * generous slack where load can stretch it, and tightly where load can only shrink it (the due time
 * against the moment of the move); everything else waits on conditions.
 */
@ExtendWith(RedisExtension.class)
class BullmqRetryInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Slack on "starts within about N s" assertions: generous, for a noisy 2-core machine. */
    private static final long SLACK_MS = 1500;
    /** Clock granularity between the mover and Redis, both on this machine's clock. */
    private static final long CLOCK_SLACK_MS = 50;

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(server, prefix);
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
        try (RespClient redis = server.client(); TaskQueue tq = taskQueue(server, prefix)) {
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
            try (JobQueue queue = tq.queue("j5")) {
                String javaId = queue.add("flaky", Map.of("k", 1), javaOpts);
                Map<Integer, Long> failedAt = new ConcurrentHashMap<>();
                Handlers handlers = Handlers.builder().on("flaky", ctx -> {
                    int attempt = ctx.job().attemptsMade() + 1;
                    failedAt.put(attempt, System.currentTimeMillis());
                    throw new IllegalStateException("attempt " + attempt + " failed");
                }).build();
                try (RetryRecorder rec = new RetryRecorder(server, prefix.value(), "j5", javaId);
                        Worker worker = tq.worker("j5").handlers(handlers).options(WorkerOptions.builder()
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
                // The due time is the mover's clock plus the backoff; the event's id is Redis's clock a
                // little later, never earlier. A slow machine only shrinks this gap, so its upper bound
                // can be tight: far below one backoff, which is what a wrong delay adds.
                assertThat(due - delayedEvent.millis()).as(who + " due - time of the move to delayed, attempt " + n)
                        .isBetween(expectedDelay - SLACK_MS, expectedDelay + CLOCK_SLACK_MS);
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
}
