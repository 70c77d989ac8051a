package io.taskqueue.demo;

import io.taskqueue.JobState;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo as the README runs it: on a real Redis. */
class DemoIT {
    @Test
    void demoRunsOnRedis() throws Exception {
        // TASKQUEUE_TEST_REDIS_URL, else a private redis-server; a fresh prefix keeps a shared server clean.
        String prefix = "demo-it-" + UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Map<String, JobState> states;
        try (RedisServer server = RedisServer.start()) {
            try (TaskQueue taskQueue = TaskQueue.open(server.uri() + "?prefix=" + prefix);
                    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                states = Demo.run(taskQueue, out);
            } finally {
                try (RespClient client = server.client()) {
                    client.deleteMatching(prefix + "*");
                }
            }
        }
        // the same expectations as on the in-memory backend
        DemoOutput.assertDemo(states, buffer.toString(StandardCharsets.UTF_8));
    }
}
