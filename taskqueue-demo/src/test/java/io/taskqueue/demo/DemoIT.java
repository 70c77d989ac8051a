package io.taskqueue.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.JobState;
import io.taskqueue.redis.RedisBackend;
import io.taskqueue.redis.RedisBackendOptions;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo as the README runs it: on a real Redis. */
@ExtendWith(RedisExtension.class)
class DemoIT {
    @Test
    void demoRunsOnRedis(RedisServer server, RedisTestPrefix prefix) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (var backend = RedisBackend.create(RedisBackendOptions.builder().url(server.uri().toString())
                        .prefix(prefix.value()).build());
                PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            var states = Demo.run(backend, out);
            assertThat(states.values()).containsExactly(JobState.COMPLETED, JobState.COMPLETED, JobState.COMPLETED,
                    JobState.FAILED);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("data=100", "retry in 300 ms", "failedReason=cancelled", "reminded ada@example.com");
    }
}
