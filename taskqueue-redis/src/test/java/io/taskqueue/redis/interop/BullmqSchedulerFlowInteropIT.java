package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.ChildFailurePolicy;
import io.taskqueue.FlowJob;
import io.taskqueue.FlowNode;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.SchedulerSpec;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/protocol.md §14 checks 9 (flows across runtimes) and 11 (job schedulers) against bullmq 6.7.0:
 * one runtime creates, the other consumes, in both directions.
 */
@ExtendWith(RedisExtension.class)
class BullmqSchedulerFlowInteropIT {
    private static final long WORK_MS = 7_000;

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(server, prefix);
    }

    private static Worker javaWorker(TaskQueue tq, String queue, Handlers handlers) {
        return tq.worker(queue).handlers(handlers)
                .options(WorkerOptions.builder().name("java").drainDelay(Duration.ofMillis(100)).build()).build().start();
    }

    private static List<Long> slots(List<String> ids, String schedulerId) {
        return ids.stream().filter(id -> id.startsWith("repeat:" + schedulerId + ":"))
                .map(id -> Long.parseLong(id.substring(id.lastIndexOf(':') + 1))).sorted().toList();
    }

    /** The three schedulers of check 11, with their ids suffixed by the creating runtime. */
    private static void assertSlots(List<String> ran, String suffix) {
        List<Long> every = slots(ran, "every-" + suffix);
        assertThat(every.size()).as("every slots").isGreaterThanOrEqualTo(4);
        for (int i = 1; i < every.size(); i++) {
            assertThat(every.get(i) - every.get(i - 1)).as("every step").isEqualTo(1000);
        }
        List<Long> cron = slots(ran, "cron-" + suffix);
        assertThat(cron.size()).as("cron slots").isGreaterThanOrEqualTo(2);
        for (int i = 0; i < cron.size(); i++) {
            assertThat(cron.get(i) % 2000).as("cron slot on an even second").isZero();
            if (i > 0) {
                assertThat(cron.get(i) - cron.get(i - 1)).as("cron step").isEqualTo(2000);
            }
        }
        assertThat(slots(ran, "limit-" + suffix)).as("limit 3").hasSize(3);
        assertThat(ran).doesNotHaveDuplicates();
    }

    private static void assertNodeSchedulers(Map<String, Object> cfg, List<String> ran, String suffix) {
        JsonNode list = NodeRunner.runScript("schedflow.js", "schedulers", cfg, 60).get("schedulers");
        for (JsonNode s : list) {
            String key = s.get("key").asText();
            List<Long> done = slots(ran, key);
            assertThat(s.get("iterationCount").asInt()).as("iterationCount of " + key).isGreaterThanOrEqualTo(done.size());
            if (key.startsWith("every-")) {
                assertThat(s.get("every").asLong()).isEqualTo(1000);
                assertThat(s.get("next").asLong()).as("next of " + key).isEqualTo(done.get(done.size() - 1) + 1000);
                assertThat(s.get("iterationCount").asInt()).isEqualTo(done.size() + 1);
            }
            if (key.startsWith("cron-")) {
                assertThat(s.get("pattern").asText()).isEqualTo("*/2 * * * * *");
                assertThat(s.get("tz").asText()).isEqualTo("UTC");
                assertThat(s.get("next").asLong()).as("next of " + key).isEqualTo(done.get(done.size() - 1) + 2000);
            }
        }
        assertThat(list).extracting(n -> n.get("key").asText()).contains("every-" + suffix, "cron-" + suffix);
    }

    @Test
    void check11_nodeSchedulersJavaWorkers(RedisServer server, RedisTestPrefix prefix) {
        Map<String, Object> cfg = config(server, prefix, "sched-n");
        cfg.put("schedulers", List.of(
                Map.of("id", "every-n", "name", "tick", "repeat", Map.of("every", 1000)),
                Map.of("id", "cron-n", "name", "even", "repeat", Map.of("pattern", "*/2 * * * * *", "tz", "UTC")),
                Map.of("id", "limit-n", "name", "lim", "repeat", Map.of("every", 500, "limit", 3))));
        NodeRunner.runScript("schedflow.js", "upsert", cfg, 60);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (TaskQueue tq = taskQueue(server, prefix); RespClient redis = server.client()) {
            try (Worker worker = javaWorker(tq, "sched-n", Handlers.builder()
                    .on("tick", ctx -> ran.add(ctx.job().id())).on("even", ctx -> ran.add(ctx.job().id()))
                    .on("lim", ctx -> ran.add(ctx.job().id())).build())) {
                // Run until every scheduler produced well past what assertSlots needs, as Node's workFor does in time.
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                        slots(ran, "every-n").size() >= 5 && slots(ran, "cron-n").size() >= 3
                                && slots(ran, "limit-n").size() >= 3);
            }
            assertSlots(ran, "n");
            String ic = (String) redis.call("HGET", prefix.value() + ":sched-n:repeat:every-n", "ic");
            assertThat(Integer.parseInt(ic)).as("ic grows").isGreaterThan(3);
        }
        assertNodeSchedulers(cfg, ran, "n");
    }

    @Test
    void check11_javaSchedulersNodeWorkers(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("sched-j")) {
            queue.schedulers().upsert("every-j", SchedulerSpec.every(Duration.ofSeconds(1)).build(), "tick", null, null);
            queue.schedulers().upsert("cron-j", SchedulerSpec.cron("*/2 * * * * *").timeZone("UTC").build(), "even",
                    Map.of("x", 1), null);
            queue.schedulers().upsert("limit-j", SchedulerSpec.every(Duration.ofMillis(500)).limit(3).build(), "lim",
                    null, null);
        }
        Map<String, Object> cfg = config(server, prefix, "sched-j");
        cfg.put("durationMs", WORK_MS);
        JsonNode seen = NodeRunner.runScript("schedflow.js", "workFor", cfg, 90).get("seen");
        List<String> ran = new ArrayList<>();
        seen.forEach(j -> ran.add(j.get("id").asText()));
        assertSlots(ran, "j");
        assertNodeSchedulers(cfg, ran, "j");
    }

    @Test
    @SuppressWarnings("unchecked")
    void check09_nodeFlowJavaChildWorkersNodeParentWorker(RedisServer server, RedisTestPrefix prefix) {
        Map<String, Object> cfg = config(server, prefix, "fa");
        cfg.put("parentQueue", "fa");
        cfg.put("childQueue", "fb");
        JsonNode flow = NodeRunner.runScript("schedflow.js", "flow", cfg, 60);
        String parentId = flow.get("parent").asText();
        String failingChild = flow.get("children").get(0).asText();
        String ignoredChild = flow.get("children").get(1).asText();
        String childKey = prefix.value() + ":fb:" + failingChild;
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue children = tq.queue("fb");
                Worker worker = javaWorker(tq, "fb", Handlers.builder()
                        .on("fails", ctx -> {
                            throw new IllegalStateException("java child failed");
                        })
                        .on("ignored", ctx -> Map.of("java", ctx.job().id())).build())) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    children.getState(failingChild) == io.taskqueue.JobState.FAILED
                            && children.getState(ignoredChild) == io.taskqueue.JobState.COMPLETED);
        }
        cfg.put("queue", "fa");
        cfg.put("durationMs", 3000);
        JsonNode parentRun = NodeRunner.runScript("schedflow.js", "workParent", cfg, 60);
        assertThat(parentRun.get("seen")).as("the parent's processor never runs").isEmpty();
        cfg.put("id", parentId);
        JsonNode parent = NodeRunner.runScript("schedflow.js", "job", cfg, 60);
        assertThat(parent.get("state").asText()).isEqualTo("failed");
        assertThat(parent.get("failedReason").asText()).isEqualTo("child " + childKey + " failed");
        assertThat(parent.get("values").get(prefix.value() + ":fb:" + ignoredChild).get("java").asText())
                .isEqualTo(ignoredChild);
        try (RespClient redis = server.client()) {
            List<Object> unsuccessful = (List<Object>) redis.call("ZRANGE", prefix.value() + ":fa:" + parentId + ":unsuccessful",
                    "0", "-1");
            assertThat(unsuccessful).containsExactly(childKey);
        }
    }

    @Test
    void check09_javaFlowNodeWorkers(RedisServer server, RedisTestPrefix prefix) {
        FlowJob ids;
        try (TaskQueue tq = taskQueue(server, prefix)) {
            ids = tq.flows().add(FlowNode.of("ja", "parent", Map.of("p", 1)).withChildren(
                    FlowNode.of("jb", "c1", Map.of("n", 1)).onFailure(ChildFailurePolicy.FAIL_PARENT),
                    FlowNode.of("jb", "c2", Map.of("n", 2)).onFailure(ChildFailurePolicy.IGNORE)));
        }
        Map<String, Object> cfg = config(server, prefix, "jb");
        cfg.put("durationMs", 3000);
        NodeRunner.runScript("schedflow.js", "workFor", cfg, 60);
        cfg.put("queue", "ja");
        JsonNode parentRun = NodeRunner.runScript("schedflow.js", "workParent", cfg, 60);
        JsonNode values = parentRun.get("seen").get(0).get("values");
        for (FlowJob child : ids.children()) {
            assertThat(values.get(prefix.value() + ":jb:" + child.id()).get("ok").asText()).isEqualTo(child.id());
        }
        try (RespClient redis = server.client()) {
            String events = String.valueOf(redis.call("XRANGE", prefix.value() + ":ja:events", "-", "+"));
            assertThat(events).contains("waiting-children", "[event, waiting, jobId, " + ids.id() + ", prev, waiting-children]");
        }
    }
}
