package io.taskqueue.redis;

import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import org.junit.jupiter.api.extension.ExtendWith;

/** The backend conformance suite on the test kit's Redis (7.x from the PATH, or embedded). */
@ExtendWith(RedisExtension.class)
class RedisBackendConformanceIT extends RedisConformanceBase {
    RedisBackendConformanceIT(RedisServer server, RedisTestPrefix prefix) {
        super(server, prefix);
    }
}
