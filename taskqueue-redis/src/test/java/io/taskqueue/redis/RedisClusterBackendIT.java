package io.taskqueue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.taskqueue.FlowNode;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.servers.RedisClusterServer;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cluster-specific behaviour of the backend: the hash-tag rule, script loading per node, named worker connections. */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterBackendIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static TaskQueue taskQueue(RedisServer cluster, String prefix) {
        return RedisTestBackends.taskQueue(cluster, prefix);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void noCrossSlotErrors(RedisServer cluster) {
        ClusterErrors.assertNoCrossSlot(cluster);
        ClusterErrors.assertNoFailedScripts(cluster);
    }

    @Test
    void aQueueWithoutAHashTagIsRefusedNamingTheFix(RedisServer cluster) {
        try (TaskQueue tq = taskQueue(cluster, "bull")) {
            assertThatThrownBy(() -> tq.queue("emails")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hash tag").hasMessageContaining("{bull}").hasMessageContaining("{emails}");
        }
    }

    @Test
    void aHashTagInTheQueueNameIsEnoughForOneQueueButNotForFlows(RedisServer cluster) {
        String prefix = "tq-" + unique();
        String name = "{emails-" + unique() + "}";
        Set<String> done = ConcurrentHashMap.newKeySet();
        try (TaskQueue tq = taskQueue(cluster, prefix); JobQueue queue = tq.queue(name);
                Worker worker = tq.worker(name).handlers(Handlers.builder()
                        .on("send", ctx -> done.add(ctx.job().id())).build())
                        .options(WorkerOptions.builder().drainDelay(Duration.ofMillis(100)).build()).build().start()) {
            String id = queue.add("send", Map.of("to", "ada"));
            await().atMost(PATIENCE).until(() -> done.contains(id));
            assertThat(queue.getState(id)).isEqualTo(JobState.COMPLETED);
            assertThatThrownBy(() -> tq.flows().add(FlowNode.of(name, "parent", Map.of())
                    .withChildren(FlowNode.of(name, "child", Map.of()))))
                    .hasMessageContaining("hash tag in the prefix");
        } finally {
            try (RespClient redis = cluster.client()) {
                redis.deleteMatching(prefix + ":" + name + "*");
            }
        }
    }

    @Test
    void queueNamesFindsTheQueuesOnEveryMaster(RedisServer cluster, RedisClusterServer nodes) {
        String prefix = "tq-" + unique();
        List<String> names = List.of("{a}", "{b}", "{c}", "{d}", "{e}", "{f}", "{g}", "{h}");
        try (TaskQueue tq = taskQueue(cluster, prefix)) {
            Set<Integer> masters = new java.util.HashSet<>();
            for (String name : names) {
                tq.queue(name).add("j", Map.of());
                masters.add(nodes.masterFor(prefix + ":" + name + ":meta").port());
            }
            assertThat(masters).as("the queues spread over several masters").hasSizeGreaterThan(1);
            assertThat(tq.queueNames()).containsExactlyElementsOf(names);
            for (String name : names) {
                tq.queue(name).obliterate(true); // per queue: one DEL over several slots would be refused
            }
            assertThat(tq.queueNames()).isEmpty();
        }
    }

    @Test
    void scriptsAreReloadedOnEveryNodeAfterAFlushAndWorkersNameTheirConnection(RedisServer cluster,
            RedisClusterServer nodes) {
        String prefix = "{tq-" + unique() + "}";
        Set<String> done = ConcurrentHashMap.newKeySet();
        try (TaskQueue tq = taskQueue(cluster, prefix); JobQueue queue = tq.queue("q")) {
            queue.add("j", Map.of());
            for (RedisClusterServer.Node node : nodes.nodes()) {
                try (RespClient redis = RespClient.connect(node.host(), node.port(), null, null, 0)) {
                    redis.call("SCRIPT", "FLUSH");
                }
            }
            try (Worker worker = tq.worker("q").handlers(Handlers.builder()
                    .on("j", ctx -> done.add(ctx.job().id())).build())
                    .options(WorkerOptions.builder().name("cw").drainDelay(Duration.ofMillis(100)).build()).build().start()) {
                String id = queue.add("j", Map.of());
                await().atMost(PATIENCE).until(() -> done.size() == 2 && done.contains(id));
                RedisClusterServer.Node owner = nodes.masterFor(prefix + ":q:marker");
                try (RespClient redis = RespClient.connect(owner.host(), owner.port(), null, null, 0)) {
                    String expected = prefix + ":" + java.util.Base64.getEncoder().encodeToString("q".getBytes()) + ":w:cw";
                    await().atMost(PATIENCE).until(() -> String.valueOf(redis.call("CLIENT", "LIST")).contains("name=" + expected));
                }
            }
        } finally {
            try (RespClient redis = cluster.client()) {
                redis.deleteMatching(prefix + "*");
            }
        }
    }
}
