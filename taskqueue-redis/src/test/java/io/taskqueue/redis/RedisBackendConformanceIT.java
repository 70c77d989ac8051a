package io.taskqueue.redis;

import io.taskqueue.spi.Backend;
import io.taskqueue.testing.conformance.BackendConformanceTest;
import io.taskqueue.testing.server.RedisExtension;
import io.taskqueue.testing.server.RedisServer;
import io.taskqueue.testing.server.RedisTestPrefix;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;

/** The backend conformance suite on the test kit's Redis (7.x from the PATH, or embedded). */
@ExtendWith(RedisExtension.class)
class RedisBackendConformanceIT extends BackendConformanceTest {
    private final RedisServer server;
    private final RedisTestPrefix prefix;

    RedisBackendConformanceIT(RedisServer server, RedisTestPrefix prefix) {
        this.server = server;
        this.prefix = prefix;
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
        return RedisBackendOptions.builder().url(server.uri().toString()).prefix(prefix.value()).build();
    }
}
