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
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Redis backend passes the core contracts and those of every capability, on the test kit's
 * Redis (7.x from the PATH, or embedded). Every test has a prefix of its own, deleted after it.
 */
@ExtendWith(RedisExtension.class)
class RedisConformanceIT implements CoreContracts, PauseContract, MaintenanceContract, JobControlContract,
        CheckpointContract, LimitsContract, GroupsContract, GroupSlotsContract, DeduplicationContract, SchedulersContract,
        MetricsContract, FlowsContract, WorkersContract {
    private final Conformance conformance;

    RedisConformanceIT(RedisServer server) {
        this.conformance = conformanceOn(server);
    }

    /** A fixture on {@code server} under a fresh prefix, whose keys are deleted when the test's fixture closes. */
    static Conformance conformanceOn(RedisServer server) {
        RedisTestPrefix prefix = RedisTestPrefix.random(server);
        Conformance conformance = Conformance.sharedStore(RedisBackend.factory(RedisBackendOptions.builder()
                .url(server.uri().toString()).prefix(prefix.value()).build()));
        // Tracked first, so closed last: after every worker and connection of the test.
        conformance.track(prefix::deleteAll);
        return conformance;
    }

    @Override
    public Conformance conformance() {
        return conformance;
    }
}
