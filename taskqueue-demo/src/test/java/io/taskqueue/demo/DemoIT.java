package io.taskqueue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo as the README runs it: on a real Redis. */
class DemoIT {
    @Test
    void demoRunsOnRedis() throws Exception {
        // TASKQUEUE_TEST_REDIS_URL, else a private redis-server; a fresh prefix keeps a shared server clean.
        String prefix = "demo-it-" + UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (RedisServer server = RedisServer.start()) {
            try (TaskQueue taskQueue = TaskQueue.open(server.uri() + "?prefix=" + prefix);
                    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                var states = Demo.run(taskQueue, out);
                assertThat(states.values()).containsExactly(JobState.COMPLETED, JobState.COMPLETED,
                        JobState.COMPLETED, JobState.FAILED);
            } finally {
                try (RespClient client = server.client()) {
                    client.deleteMatching(prefix + "*");
                }
            }
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("data=100", "retry in 300 ms", "failedReason=cancelled", "reminded ada@example.com");
    }
}
