package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Backoff;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.spi.Backend;
import io.taskqueue.spi.FetchRequest;
import io.taskqueue.spi.FetchResult;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import io.taskqueue.testing.node.NodeScripts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks of docs/protocol.md §14 against bullmq 6.7.0: 4 (Node QueueEvents reading Java-made events), the
 * pause/resume part of 7, and 13 (Node's dashboard reads on a Java-driven queue).
 */
@ExtendWith(RedisExtension.class)
class BullmqEventsInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(RedisTestBackends.options(server, prefix).metricsMaxDataPoints(60).build());
    }

    private static WorkerOptions fast(String name) {
        return WorkerOptions.builder().name(name).drainDelay(Duration.ofMillis(100)).build();
    }

    @Test
    void check04_nodeQueueEventsReadJavaEvents(RedisServer server, RedisTestPrefix prefix) {
        Map<String, Object> cfg = config(server, prefix, "q4");
        cfg.put("count", 16);
        cfg.put("waitFor", "1");
        NodeScripts.Background events = NodeRunner.start("events", cfg);
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q4")) {
            Handlers handlers = Handlers.builder()
                    .on("ok", ctx -> {
                        ctx.updateProgress(Map.of("pct", 50));
                        return Map.of("result", ctx.data());
                    })
                    .on("bad", ctx -> {
                        throw new IllegalStateException("always fails");
                    }).build();
            String ok = queue.add("ok", Map.of("a", 1));
            String bad = queue.add("bad", Map.of(), JobOptions.builder().attempts(2)
                    .backoff(Backoff.exponential(Duration.ofMillis(100))).build());
            try (Worker worker = tq.worker("q4").handlers(handlers).options(fast("w4")).build().start()) {
                await().atMost(PATIENCE).until(() -> queue.getState(ok) == JobState.COMPLETED
                        && queue.getState(bad) == JobState.FAILED);
            }
            queue.pause();
            String removed = queue.add("gone", Map.of());
            queue.remove(removed);
            JsonNode result = events.result();
            assertThat(result.get("errors")).isEmpty();
            List<String> okEvents = names(result, ok);
            assertThat(okEvents).containsExactly("added", "waiting", "active", "progress", "completed");
            assertThat(find(result, ok, "progress").at("/args/data/pct").asInt()).isEqualTo(50);
            assertThat(find(result, ok, "completed").at("/args/returnvalue/result/a").asInt()).isEqualTo(1);
            assertThat(names(result, bad)).containsExactly("added", "waiting", "active", "delayed", "waiting", "active",
                    "failed", "retries-exhausted");
            assertThat(find(result, bad, "retries-exhausted").at("/args/attemptsMade").asText()).isEqualTo("2");
            assertThat(find(result, bad, "delayed").at("/args/delay").isNumber()).isTrue();
            assertThat(names(result, removed)).containsExactly("added", "waiting", "removed");
            assertThat(find(result, removed, "removed").at("/args/prev").asText()).isEqualTo("wait");
            assertThat(result.at("/waited/result/a").asInt()).isEqualTo(1);
        }
    }

    @Test
    void check07_pauseAndResumeAcrossRuntimes(RedisServer server, RedisTestPrefix prefix) {
        Map<String, Object> cfg = config(server, prefix, "q7");
        cfg.put("op", "pause");
        NodeRunner.run("control", cfg);
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q7");
                Backend backend = RedisTestBackends.backend(server, prefix); RespClient redis = server.client()) {
            assertThat(queue.isPaused()).isTrue();
            for (int i = 0; i < 3; i++) {
                queue.add("p", Map.of("i", i));
            }
            assertThat(redis.call("LLEN", prefix.key("q7:wait"))).isEqualTo(3L);
            assertThat(redis.call("EXISTS", prefix.key("q7:marker"))).isEqualTo(0L);
            assertThat(backend.queue("q7").fetch(new FetchRequest("t", 1000, null, System.currentTimeMillis())))
                    .isEqualTo(FetchResult.EMPTY);
            cfg.put("op", "isPaused");
            assertThat(NodeRunner.run("control", cfg).get("result").asBoolean()).isTrue();
            queue.resume();
            cfg.put("count", 3);
            assertThat(NodeRunner.run("work", cfg).get("finished").asInt()).isEqualTo(3);
            List<?> entries = (List<?>) redis.call("XRANGE", prefix.key("q7:events"), "-", "+");
            List<String> bare = new ArrayList<>();
            for (Object e : entries) {
                List<?> fields = (List<?>) ((List<?>) e).get(1);
                if (fields.size() == 2 && List.of("paused", "resumed").contains(fields.get(1))) {
                    bare.add((String) fields.get(1));
                }
            }
            assertThat(bare).containsExactly("paused", "resumed");
        }
    }

    @Test
    void check13_nodeDashboardReadsAJavaDrivenQueue(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("q13")) {
            Handlers handlers = Handlers.builder()
                    .on("ok", ctx -> {
                        ctx.log("line one");
                        ctx.updateProgress(100);
                        return Map.of("done", true);
                    })
                    .on("bad", ctx -> {
                        throw new IllegalArgumentException("bad input");
                    }).build();
            String ok = queue.add("ok", Map.of("a", "b/c"));
            String bad = queue.add("bad", Map.of());
            queue.add("later", Map.of(), JobOptions.builder().delay(Duration.ofHours(1)).build());
            try (Worker worker = tq.worker("q13").handlers(handlers).options(fast("w-dash"))
                    .build().start()) {
                await().atMost(PATIENCE).until(() -> queue.getState(ok) == JobState.COMPLETED
                        && queue.getState(bad) == JobState.FAILED);
                queue.pause(); // the jobs added next stay waiting while the worker still runs
                queue.add("prio", Map.of(), JobOptions.builder().priority(2).build());
                queue.add("waiting", Map.of());
                JsonNode dash = NodeRunner.run("dashboard", config(server, prefix, "q13"));
                // Node sees each job with the values Java sees, and the values the handlers made.
                List<String> ids = NodeJobViews.ids(dash.get("jobs"));
                EnumSet<JobState> states = EnumSet.complementOf(EnumSet.of(JobState.UNKNOWN));
                assertThat(ids).hasSize(5).containsExactlyInAnyOrderElementsOf(
                        queue.getJobs(states, 0, -1, true).stream().map(Job::id).toList());
                dash.get("jobs").forEach(view -> NodeJobViews.assertSameJob(view,
                        queue.getJob(view.get("id").asText()).orElseThrow()));
                JsonNode okView = view(dash, ok);
                assertThat(okView.get("data")).isEqualTo(InteropSupport.json("{\"a\":\"b/c\"}"));
                assertThat(okView.get("returnvalue")).isEqualTo(InteropSupport.json("{\"done\":true}"));
                assertThat(okView.get("progress")).isEqualTo(InteropSupport.json("100"));
                assertThat(okView.get("processedBy").asText()).isEqualTo("w-dash");
                assertThat(view(dash, bad).get("failedReason").asText()).isEqualTo("bad input");
                assertThat(view(dash, bad).get("stacktrace").get(0).asText())
                        .startsWith("java.lang.IllegalArgumentException: bad input");
                assertThat(dash.at("/logs/" + ok))
                        .isEqualTo(InteropSupport.json("{\"logs\":[\"line one\"],\"count\":1}"));
                assertThat(dash.at("/logs/" + bad)).isEqualTo(InteropSupport.json("{\"logs\":[],\"count\":0}"));
                assertThat(dash.at("/metrics/meta/count").asInt()).isEqualTo(1);
                // Every count Node reports is Java's count of the same state.
                Map<JobState, Long> javaCounts = queue.counts(states.toArray(JobState[]::new));
                dash.get("counts").properties().forEach(c -> {
                    JobState state = JobState.fromWireName(c.getKey());
                    assertThat(c.getValue().asLong()).as("count of " + c.getKey())
                            .isEqualTo(javaCounts.getOrDefault(state, 0L));
                });
                assertThat(dash.get("counts").get("completed").asLong()).isEqualTo(1);
                assertThat(dash.get("counts").get("delayed").asLong()).isEqualTo(1);
                assertThat(dash.get("counts").get("prioritized").asLong()).isEqualTo(1);
                assertThat(dash.at("/meta/version").asText()).startsWith("bullmq:");
                assertThat(dash.at("/meta/paused").asBoolean()).isTrue();
                // getWorkers() lists our blocking connection, named P:<base64(Q)>:w:<worker name>
                assertThat(dash.get("workers")).isNotEmpty();
                assertThat(dash.get("workers").toString()).contains(":w:w-dash");
                assertThat(dash.at("/counts/failed").asInt()).isEqualTo(1);
            }
        }
    }

    private static JsonNode view(JsonNode dash, String id) {
        for (JsonNode v : dash.get("jobs")) {
            if (id.equals(v.get("id").asText())) {
                return v;
            }
        }
        throw new AssertionError("Node did not list job " + id);
    }

    private static List<String> names(JsonNode result, String jobId) {
        List<String> out = new ArrayList<>();
        result.get("received").forEach(e -> {
            if (jobId.equals(e.at("/args/jobId").asText())) {
                out.add(e.get("event").asText());
            }
        });
        return out;
    }

    private static JsonNode find(JsonNode result, String jobId, String event) {
        for (JsonNode e : result.get("received")) {
            if (jobId.equals(e.at("/args/jobId").asText()) && event.equals(e.get("event").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + event + " for job " + jobId + " in " + result);
    }
}
