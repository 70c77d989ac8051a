package io.taskqueue.redis;

import io.taskqueue.servers.RedisServer;
import io.taskqueue.spi.Backend;
import io.taskqueue.testing.conformance.BackendConformanceTest;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Clock;

/** The conformance suite on a Redis deployment the test kit started, with one key prefix per test. */
abstract class RedisConformanceBase extends BackendConformanceTest {
    private final RedisServer server;
    private final RedisTestPrefix prefix;

    RedisConformanceBase(RedisServer server, RedisTestPrefix prefix) {
        this.server = server;
        this.prefix = prefix;
    }

    RedisServer server() {
        return server;
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
