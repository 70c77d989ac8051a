package io.taskqueue.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskqueue.BackendException;
import io.taskqueue.Capability;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.Metrics;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code TaskQueue.open} on Redis URLs: the prefix parameter, the capabilities, the queue listing. */
@ExtendWith(RedisExtension.class)
class RedisUrlsIT {

    @Test
    void thePrefixParameterOfTheUrlPrefixesEveryKey(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = TaskQueue.open(server.uri() + "?prefix=" + prefix.value()); RespClient redis = server.client()) {
            String id = tq.queue("emails").add("send", Map.of("to", "ada"));
            assertThat(redis.call("EXISTS", prefix.key("emails:" + id))).isEqualTo(1L);
            assertThat(redis.call("EXISTS", "bull:emails:" + id)).isEqualTo(0L);
            assertThat(tq.describe()).isEqualTo(server.uri() + " (prefix " + prefix.value() + ")");
        }
    }

    @Test
    void theBackendDeclaresEveryCapability(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = RedisTestBackends.taskQueue(server, prefix)) {
            assertThat(tq.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
        }
    }

    @Test
    void queueNamesListsTheQueuesOfThePrefixSortedOnce(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = RedisTestBackends.taskQueue(server, prefix);
                TaskQueue other = RedisTestBackends.taskQueue(server, prefix.value() + "-other")) {
            assertThat(tq.queueNames()).isEmpty();
            JobQueue zeta = tq.queue("zeta");
            zeta.add("job", Map.of());
            tq.queue("alpha").add("job", Map.of());
            tq.queue("opened-only").counts();
            other.queue("elsewhere").add("job", Map.of());
            assertThat(tq.queueNames()).as("a queue only opened and read is not one").containsExactly("alpha", "zeta");
            zeta.pause();
            zeta.obliterate(true);
            assertThat(tq.queueNames()).containsExactly("alpha");
        } finally {
            try (RespClient redis = server.client()) {
                redis.deleteMatching(prefix.value() + "-other:*");
            }
        }
    }

    @Test
    void openingAndReadingAQueueWritesNothingAndTheFirstAddWritesTheMeta(RedisServer server, RedisTestPrefix prefix) {
        try (TaskQueue tq = RedisTestBackends.taskQueue(server, prefix); RespClient redis = server.client()) {
            JobQueue queue = tq.queue("quiet");
            queue.counts();
            queue.getJobs(JobState.COMPLETED, 0, -1);
            assertThat(queue.isPaused()).isFalse();
            assertThat(queue.limits().globalConcurrency()).isEmpty();
            assertThat(queue.limits().rateLimitTtl()).isZero();
            assertThat(queue.schedulers().list()).isEmpty();
            assertThat(queue.workers()).isEmpty();
            assertThat(queue.getMetrics(Metrics.Type.COMPLETED).count()).isZero();
            assertThat(redis.call("KEYS", prefix.pattern())).as("keys after reads").isEqualTo(List.of());

            queue.add("job", Map.of());
            assertThat(redis.call("HGETALL", prefix.key("quiet:meta")))
                    .isEqualTo(List.of("opts.maxLenEvents", "10000", "version", "bullmq:6.7.0"));
        }
    }

    @Test
    void anUnreachableServerOrAHostlessUrlIsNamedInTheMessageWithoutThePassword() {
        assertThatThrownBy(() -> TaskQueue.open("redis://:hidden-pw@127.0.0.1:1?prefix=x"))
                .isInstanceOf(BackendException.class)
                .hasMessageStartingWith("cannot connect to Redis at redis://:***@127.0.0.1:1")
                .hasMessageNotContaining("hidden-pw");
        assertThatThrownBy(() -> TaskQueue.open("redis://:hidden-pw@"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a usable Redis URL, redis://:***@")
                .hasMessageNotContaining("hidden-pw");
    }
}
