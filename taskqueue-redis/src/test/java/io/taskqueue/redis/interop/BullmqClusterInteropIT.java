package io.taskqueue.redis.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.redis.ClusterErrors;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisClusterExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/protocol.md §14 check 15: checks 2, 9 and 11 on the test kit's local 3-master Redis Cluster, with
 * bullmq 6.7.0 on an ioredis {@code Cluster} and taskqueue on a {@code redis-cluster://} URL. The
 * prefix is a hash tag per test ({@code {tq-test-1f2e3d4c}}, like the protocol's {@code {t}}), so
 * the flows of check 9 span two queues under one tag. The checks are the single-server ones, run
 * unchanged on the cluster seen as a {@link RedisServer}; afterwards no node may have counted a
 * CROSSSLOT error or a failed script (a script touching a key of another slot fails).
 */
@ExtendWith(RedisClusterExtension.class)
class BullmqClusterInteropIT {

    @AfterEach
    void noCrossSlotErrors(RedisServer cluster) {
        ClusterErrors.assertNoCrossSlot(cluster);
        ClusterErrors.assertNoFailedScripts(cluster);
    }

    /**
     * What the product does with the kit's cluster URL and tagged prefix: it describes itself as a
     * cluster backend, and every key its adds write (job hashes, wait, delayed, meta, events, the id
     * counter) exists, in the one slot of the prefix's tag.
     */
    @Test
    void check15_aJavaQueueOnTheClusterKeepsEveryKeyInTheTagsSlot(RedisServer cluster, RedisTestPrefix prefix) {
        try (TaskQueue tq = RedisTestBackends.taskQueue(cluster, prefix); JobQueue queue = tq.queue("slot");
                RespClient redis = cluster.client()) {
            assertThat(tq.describe()).startsWith("redis-cluster://");
            String now = queue.add("j", Map.of("k", 1));
            String later = queue.add("j", Map.of("k", 2), JobOptions.builder().delay(Duration.ofHours(1)).build());
            Object slot = redis.call("CLUSTER", "KEYSLOT", prefix.value());
            for (String suffix : List.of(now, later, "wait", "delayed", "meta", "events", "id")) {
                String key = prefix.key("slot:" + suffix);
                assertThat(redis.call("EXISTS", key)).as("key %s exists", key).isEqualTo(1L);
                assertThat(redis.call("CLUSTER", "KEYSLOT", key)).as("slot of %s", key).isEqualTo(slot);
            }
            assertThat(queue.getState(now)).isEqualTo(JobState.WAITING);
            assertThat(queue.getState(later)).isEqualTo(JobState.DELAYED);
        }
    }

    @Test
    void check15_check02_nodeProducerJavaWorker(RedisServer cluster, RedisTestPrefix prefix) {
        new BullmqInteropIT().check02_nodeProducerJavaWorker(cluster, prefix);
    }

    @Test
    void check15_check09_nodeFlowJavaChildWorkersNodeParentWorker(RedisServer cluster, RedisTestPrefix prefix) {
        new BullmqSchedulerFlowInteropIT().check09_nodeFlowJavaChildWorkersNodeParentWorker(cluster, prefix);
    }

    @Test
    void check15_check09_javaFlowNodeWorkers(RedisServer cluster, RedisTestPrefix prefix) {
        new BullmqSchedulerFlowInteropIT().check09_javaFlowNodeWorkers(cluster, prefix);
    }

    @Test
    void check15_check11_nodeSchedulersJavaWorkers(RedisServer cluster, RedisTestPrefix prefix) {
        new BullmqSchedulerFlowInteropIT().check11_nodeSchedulersJavaWorkers(cluster, prefix);
    }

    @Test
    void check15_check11_javaSchedulersNodeWorkers(RedisServer cluster, RedisTestPrefix prefix) {
        new BullmqSchedulerFlowInteropIT().check11_javaSchedulersNodeWorkers(cluster, prefix);
    }
}
