package io.taskqueue.memory;

import io.taskqueue.WorkerInfo;
import io.taskqueue.spi.WorkerListSupport;
import java.util.List;

/** Capability {@code WORKERS} in memory: the queue's open worker channels, oldest first. */
final class MemoryWorkers implements WorkerListSupport {
    private final QueueState state;

    MemoryWorkers(QueueState state) {
        this.state = state;
    }

    @Override
    public List<WorkerInfo> workers() {
        return state.workerChannels.stream().map(MemoryWorkerChannel::info).toList();
    }
}
