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
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contracts on Redis 6.2, the oldest version the protocol supports, started from the binary the
 * test kit embeds. Fails (never skips) when the kit has no 6.2 binary for this platform.
 */
class RedisConformance62IT implements CoreContracts, PauseContract, MaintenanceContract, JobControlContract,
        CheckpointContract, LimitsContract, GroupsContract, GroupSlotsContract, DeduplicationContract, SchedulersContract,
        MetricsContract, FlowsContract, WorkersContract {
    private static RedisServer server;
    private final Conformance conformance = RedisConformanceIT.conformanceOn(server);

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
    public Conformance conformance() {
        return conformance;
    }
}
