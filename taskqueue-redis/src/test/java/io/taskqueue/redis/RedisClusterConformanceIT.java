package io.taskqueue.redis;

import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.conformance.CheckpointContract;
import io.taskqueue.testing.conformance.Conformance;
import io.taskqueue.testing.conformance.CoreContracts;
import io.taskqueue.testing.conformance.DeduplicationContract;
import io.taskqueue.testing.conformance.FlowsContract;
import io.taskqueue.testing.conformance.GroupSlotsContract;
import io.taskqueue.testing.conformance.GroupsContract;
import io.taskqueue.testing.conformance.JobControlContract;
import io.taskqueue.testing.conformance.LimitsContract;
import io.taskqueue.testing.conformance.MaintenanceContract;
import io.taskqueue.testing.conformance.MetricsContract;
import io.taskqueue.testing.conformance.PauseContract;
import io.taskqueue.testing.conformance.SchedulersContract;
import io.taskqueue.testing.conformance.WorkersContract;
import io.taskqueue.testing.junit.RedisClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contracts on the test kit's local 3-master Redis Cluster, through a {@code redis-cluster://}
 * URL, with a hash-tagged prefix per test ({@code {tq-test-1f2e3d4c}}) so that every queue of a
 * test, flows included, sits in one slot. After each test, no node may have counted a CROSSSLOT
 * error or a failed script (a script touching a key outside its slot fails).
 */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterConformanceIT implements CoreContracts, PauseContract, MaintenanceContract, JobControlContract,
        CheckpointContract, LimitsContract, GroupsContract, GroupSlotsContract, DeduplicationContract, SchedulersContract,
        MetricsContract, FlowsContract, WorkersContract {
    private final RedisServer cluster;
    private final Conformance conformance;

    RedisClusterConformanceIT(RedisServer cluster) {
        this.cluster = cluster;
        this.conformance = RedisConformanceIT.conformanceOn(cluster);
    }

    @Override
    public Conformance conformance() {
        return conformance;
    }

    @AfterEach
    void noCrossSlotErrors() {
        ClusterErrors.assertNoCrossSlot(cluster);
        ClusterErrors.assertNoFailedScripts(cluster);
    }
}
