package io.taskqueue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opening example of docs/redis.md on a private Redis (the cluster one is compiled only). */
class RedisExamplesIT {
    @Test
    void openingByUrlWithAPrefix() {
        try (RedisServer server = RedisServer.start(); RespClient client = server.client()) {
            try {
                RedisExamples.open(server.uri().getHost() + ":" + server.uri().getPort(),
                        Handlers.builder().on("send", ctx -> "sent").build());
                assertThat((List<?>) client.call("KEYS", "myapp:emails:*")).isNotEmpty();
            } finally {
                client.deleteMatching("myapp:*");
            }
        }
    }
}
