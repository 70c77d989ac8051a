package io.taskqueue.testing.simple;

import io.taskqueue.testing.conformance.Conformance;
import io.taskqueue.testing.conformance.CoreContracts;

/** The simple backend, with no capability, passes every core contract. */
class SimpleBackendConformanceTest implements CoreContracts {
    private final Conformance conformance = Conformance.inProcess(context -> new SimpleBackend(context.clock()));

    @Override
    public Conformance conformance() {
        return conformance;
    }
}
