package io.taskqueue.redis;

import io.taskqueue.spi.Backend;
import io.taskqueue.testing.conformance.BackendConformanceTest;
import io.taskqueue.testing.server.RedisClusterExtension;
import io.taskqueue.testing.server.RedisServer;
import io.taskqueue.testing.server.RedisTestPrefix;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backend conformance suite on the test kit's local 3-master Redis Cluster, through a
 * {@code redis-cluster://} URL, with a hash-tagged prefix per test ({@code {tq-test-1f2e3d4c}}) so
 * that every queue of a test, flows included, sits in one slot. After each test, no node may have
 * counted a CROSSSLOT error or a failed script (a script touching a key outside its slot fails).
 */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterConformanceIT extends BackendConformanceTest {
    private final RedisServer cluster;
    private final RedisTestPrefix prefix;

    RedisClusterConformanceIT(RedisServer cluster, RedisTestPrefix prefix) {
        this.cluster = cluster;
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
        return RedisBackendOptions.builder().url(cluster.uri().toString()).prefix(prefix.value()).build();
    }

    @AfterEach
    void noCrossSlotErrors() {
        ClusterErrors.assertNoCrossSlot(cluster);
        ClusterErrors.assertNoFailedScripts(cluster);
    }
}
