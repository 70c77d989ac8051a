package io.taskqueue.testing.conformance;

import io.taskqueue.spi.Backends;

/** The in-memory backend passes the core contracts and those of every capability it declares. */
class InMemoryConformanceTest implements CoreContracts, PauseContract, MaintenanceContract, JobControlContract,
        CheckpointContract, LimitsContract, GroupsContract, GroupSlotsContract, DeduplicationContract, SchedulersContract,
        MetricsContract, WorkersContract {
    private final Conformance conformance = Conformance.inProcess(context -> Backends.open("memory:", context));

    @Override
    public Conformance conformance() {
        return conformance;
    }
}
