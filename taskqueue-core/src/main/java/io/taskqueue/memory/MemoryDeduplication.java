package io.taskqueue.memory;

import io.taskqueue.spi.DeduplicationSupport;

/** Reads and frees the deduplication ids of an in-memory queue ({@link DedupStore}). */
final class MemoryDeduplication implements DeduplicationSupport {
    private final QueueState state;

    MemoryDeduplication(QueueState state) {
        this.state = state;
    }

    @Override
    public String deduplicationOwner(String dedupId) {
        return state.locked(() -> state.dedup.owner(dedupId));
    }

    @Override
    public boolean removeDeduplication(String dedupId) {
        return state.locked(() -> state.dedup.remove(dedupId));
    }
}
