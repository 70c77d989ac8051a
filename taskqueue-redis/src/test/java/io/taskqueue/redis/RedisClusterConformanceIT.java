package io.taskqueue.redis;

import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisClusterExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backend conformance suite on the test kit's local 3-master Redis Cluster, through a
 * {@code redis-cluster://} URL, with a hash-tagged prefix per test ({@code {tq-test-1f2e3d4c}}) so
 * that every queue of a test, flows included, sits in one slot. After each test, no node may have
 * counted a CROSSSLOT error or a failed script (a script touching a key outside its slot fails).
 */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterConformanceIT extends RedisConformanceBase {
    RedisClusterConformanceIT(RedisServer cluster, RedisTestPrefix prefix) {
        super(cluster, prefix);
    }

    @AfterEach
    void noCrossSlotErrors() {
        ClusterErrors.assertNoCrossSlot(server());
        ClusterErrors.assertNoFailedScripts(server());
    }
}
