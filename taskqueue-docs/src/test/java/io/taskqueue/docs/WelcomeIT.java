package io.taskqueue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import org.junit.jupiter.api.Test;

/** The README's example on Redis, as a reader with a Redis would run it. */
class WelcomeIT {
    @Test
    void theReadmeExampleProcessesItsJobOnRedis() {
        String prefix = "welcome-" + System.nanoTime();
        try (RedisServer server = RedisServer.start()) {
            try {
                assertThat(WelcomeTest.run(server.uri() + "?prefix=" + prefix))
                        .isEqualTo("\"sent 'Welcome' to ada@example.com\"\n");
            } finally {
                try (RespClient client = server.client()) {
                    client.deleteMatching(prefix + "*");
                }
            }
        }
    }
}
