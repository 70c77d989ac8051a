package io.taskqueue.redis.interop;

import static io.taskqueue.redis.interop.InteropSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.RateLimit;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.redis.RedisTestBackends;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Job groups are a taskqueue extension (BullMQ keeps them in its Pro tier); a queue that uses them
 * must not break BullMQ 6.7's readers. Parked grouped jobs read as {@code delayed} (never due), with
 * their data and opts ({@code tqGroup} included) intact, and a BullMQ worker never runs them.
 */
@ExtendWith(RedisExtension.class)
class BullmqGroupsInteropIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static TaskQueue taskQueue(RedisServer server, RedisTestPrefix prefix) {
        return RedisTestBackends.taskQueue(server, prefix);
    }

    @Test
    void nodeReadersSeeParkedGroupJobsAsDelayedAndNodeWorkersLeaveThemAlone(RedisServer server,
            RedisTestPrefix prefix) {
        try (TaskQueue tq = taskQueue(server, prefix); JobQueue queue = tq.queue("grp");
                RespClient redis = server.client()) {
            queue.limits().setGroupRateLimit("A", RateLimit.of(1, Duration.ofMinutes(5)));
            JobOptions inA = JobOptions.builder().group("A").build();
            String a1 = queue.add("job", Map.of("n", 1), inA);
            String a2 = queue.add("job", Map.of("n", 2), inA);
            String a3 = queue.add("job", Map.of("n", 3), JobOptions.builder().group("A").priority(3).build());
            String plain = queue.add("job", Map.of("n", 4));
            try (Worker worker = tq.worker("grp")
                    .handlers(Handlers.builder().on("job", ctx -> "java").build())
                    .options(WorkerOptions.builder().drainDelay(Duration.ofMillis(100)).build()).build().start()) {
                await().atMost(PATIENCE).until(() -> queue.getState(a1) == JobState.COMPLETED
                        && queue.getState(plain) == JobState.COMPLETED);
            }
            assertThat(queue.limits().groupWaitingCount("A")).isEqualTo(2);
            // The wire layout: the group's list under the queue's prefix, the jobs in delayed, never due.
            assertThat(redis.call("LRANGE", prefix.key("grp:tq:g:A:wait"), "0", "-1")).isEqualTo(List.of(a3, a2));
            assertThat(redis.call("LRANGE", prefix.key("grp:tq:groups"), "0", "-1")).isEqualTo(List.of("A"));
            assertThat(Double.parseDouble(String.valueOf(redis.call("ZSCORE", prefix.key("grp:delayed"), a2))))
                    .isEqualTo(Math.pow(2, 55));
            assertThat(redis.call("HGET", prefix.key("grp:" + a2), "tqg")).isEqualTo("A");

            Map<String, Object> cfg = config(server, prefix, "grp");
            cfg.put("ids", List.of(a1, a2, a3, plain));
            JsonNode read = NodeRunner.runScript("groups.js", "read", cfg, 120);
            assertThat(read.at("/counts/delayed").asInt()).isEqualTo(2);
            assertThat(read.at("/counts/completed").asInt()).isEqualTo(2);
            assertThat(read.at("/counts/waiting").asInt()).isZero();
            assertThat(read.get("delayedCount").asInt()).isEqualTo(2);
            assertThat(InteropSupport.texts(read.at("/lists/delayed"))).containsExactlyInAnyOrder(a2, a3);
            assertThat(InteropSupport.texts(read.at("/lists/completed"))).containsExactlyInAnyOrder(a1, plain);
            JsonNode parked = read.at("/jobs/" + a2);
            assertThat(parked.get("state").asText()).isEqualTo("delayed");
            assertThat(parked.at("/data/n").asInt()).isEqualTo(2);
            assertThat(parked.at("/opts/tqGroup").asText()).isEqualTo("A");
            assertThat(read.at("/jobs/" + a3 + "/opts/priority").asInt()).isEqualTo(3);
            assertThat(read.at("/jobs/" + a1 + "/state").asText()).isEqualTo("completed");

            Map<String, Object> work = config(server, prefix, "grp");
            work.put("ms", 1500);
            JsonNode worked = NodeRunner.runScript("groups.js", "work", work, 120);
            assertThat(worked.get("processed")).isEmpty();
            assertThat(queue.getState(a2)).isEqualTo(JobState.DELAYED);
            assertThat(queue.limits().groupWaitingCount("A")).isEqualTo(2);
        }
    }
}
