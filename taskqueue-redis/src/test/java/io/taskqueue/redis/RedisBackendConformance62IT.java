package io.taskqueue.redis;

import io.taskqueue.servers.RedisServer;
import io.taskqueue.spi.Backend;
import io.taskqueue.testing.conformance.BackendConformanceTest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The backend conformance suite on Redis 6.2, the oldest version the protocol supports, started
 * from the binary the test kit embeds. Fails (never skips) when the kit has no 6.2 binary.
 */
class RedisBackendConformance62IT extends BackendConformanceTest {
    private static RedisServer server;
    private final String prefix = "tq62-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startRedis62() {
        Path binary = RedisServer.embeddedBinary("6.2").orElseThrow(() -> new IllegalStateException(
                "the test kit embeds no Redis 6.2 binary for this platform; available: "
                        + RedisServer.embeddedVersions()));
        server = RedisServer.start(binary);
    }

    @AfterAll
    static void stopRedis62() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Backend newBackend(Clock clock) {
        return RedisBackend.create(options(), clock);
    }

    @Override
    protected Backend secondConnection(Backend primary, Clock clock) {
        return RedisBackend.create(options(), clock);
    }

    private RedisBackendOptions options() {
        return RedisBackendOptions.builder().url(server.uri().toString()).prefix(prefix).build();
    }
}
