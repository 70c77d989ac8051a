package io.taskqueue.testing.conformance;

import io.taskqueue.memory.InMemoryBackend;
import io.taskqueue.spi.Backend;
import java.time.Clock;

/** The conformance suite on the in-memory backend. */
class InMemoryBackendConformanceTest extends BackendConformanceTest {
    @Override
    protected Backend newBackend(Clock clock) {
        return InMemoryBackend.create(clock);
    }
}
