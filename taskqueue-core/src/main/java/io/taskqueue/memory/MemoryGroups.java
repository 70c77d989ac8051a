package io.taskqueue.memory;

import io.taskqueue.RateLimit;
import io.taskqueue.spi.GroupSupport;
import java.util.List;
import java.util.Objects;

/** The job groups of an in-memory queue: their settings and waiting lines ({@link GroupState}). */
final class MemoryGroups implements GroupSupport {
    private final QueueState state;

    MemoryGroups(QueueState state) {
        this.state = state;
    }

    @Override
    public void setGroupConcurrency(String group, Integer concurrency) {
        state.locked(() -> {
            if (group == null) {
                state.groups.defaultConcurrency = concurrency;
            } else if (concurrency == null) {
                state.groups.concurrency.remove(group);
            } else {
                state.groups.concurrency.put(group, concurrency);
            }
            // A higher cap may let parked jobs go.
            state.markWorkUnlessPaused();
        });
    }

    @Override
    public Integer groupConcurrency(String group) {
        return state.locked(() -> group == null ? state.groups.defaultConcurrency : state.groups.concurrency.get(group));
    }

    @Override
    public void setGroupRateLimit(String group, RateLimit limit) {
        state.locked(() -> {
            if (group == null) {
                state.groups.defaultRate = limit;
            } else if (limit == null) {
                state.groups.rates.remove(group);
            } else {
                state.groups.rates.put(group, limit);
            }
            state.markWorkUnlessPaused();
        });
    }

    @Override
    public RateLimit groupRateLimit(String group) {
        return state.locked(() -> group == null ? state.groups.defaultRate : state.groups.rates.get(group));
    }

    @Override
    public long groupWaitingCount(String group) {
        Objects.requireNonNull(group, "group");
        return state.locked(() -> state.groups.waitingCount(group));
    }

    @Override
    public List<String> waitingGroups() {
        return state.locked(state.groups::waitingGroups);
    }
}
