package io.taskqueue.memory;

import io.taskqueue.spi.NewJob;
import io.taskqueue.spi.QueueBackend;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The lock discipline of an in-memory queue (every SPI call holds the queue's lock for its whole
 * run, as one Lua script is atomic on Redis) and the operations added for limits, groups and job
 * schedulers; {@link InMemoryQueue} adds the core job life cycle.
 */
abstract class LockedQueueExtras implements QueueBackend {
    final QueueState state;
    final MemorySchedulers schedulers;

    LockedQueueExtras(QueueState state, MemorySchedulers schedulers) {
        this.state = state;
        this.schedulers = schedulers;
    }

    <T> T locked(Supplier<T> op) {
        state.lock.lock();
        try {
            return op.get();
        } finally {
            state.lock.unlock();
        }
    }

    void locked(Runnable op) {
        state.lock.lock();
        try {
            op.run();
        } finally {
            state.lock.unlock();
        }
    }

    // ---- limits (issue 5) ----

    @Override
    public void setGlobalConcurrency(Integer concurrency) {
        locked(() -> {
            state.limits.concurrency = concurrency;
            // Raising or removing the cap may free workers that found the queue maxed.
            state.markWorkUnlessPaused();
        });
    }

    @Override
    public Integer globalConcurrency() {
        return locked(() -> state.limits.concurrency);
    }

    @Override
    public void setGlobalRateLimit(io.taskqueue.RateLimit limit) {
        locked(() -> {
            state.limits.globalMax = limit == null ? null : limit.max();
            state.limits.globalDuration = limit == null ? null : limit.durationMillis();
        });
    }

    @Override
    public io.taskqueue.RateLimit globalRateLimit() {
        return locked(() -> state.limits.globalMax == null || state.limits.globalDuration == null ? null
                : new io.taskqueue.RateLimit(state.limits.globalMax,
                        java.time.Duration.ofMillis(state.limits.globalDuration)));
    }

    @Override
    public void rateLimit(long ttlMillis) {
        locked(() -> state.limits.manualLimit(ttlMillis));
    }

    @Override
    public long rateLimitTtl(Integer maxJobs) {
        return locked(() -> {
            Integer max = maxJobs != null ? maxJobs : state.limits.globalMax;
            if (max != null) {
                return state.limits.rateLimitTtl(max);
            }
            return Math.max(0, state.limits.pttl());
        });
    }

    @Override
    public void removeRateLimitKey() {
        locked(state.limits::clearLimiter);
    }

    @Override
    public io.taskqueue.Metrics getMetrics(io.taskqueue.Metrics.Type type, long start, long end) {
        Objects.requireNonNull(type, "type");
        return locked(() -> state.limits.metrics(type, start, end));
    }

    @Override
    public String deduplicationOwner(String dedupId) {
        return locked(() -> state.dedup.owner(dedupId));
    }

    @Override
    public boolean removeDeduplicationKey(String dedupId) {
        return locked(() -> state.dedup.remove(dedupId));
    }

    @Override
    public void setGroupConcurrency(String group, Integer concurrency) {
        locked(() -> {
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
        return locked(() -> group == null ? state.groups.defaultConcurrency : state.groups.concurrency.get(group));
    }

    @Override
    public void setGroupRateLimit(String group, io.taskqueue.RateLimit limit) {
        locked(() -> {
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
    public io.taskqueue.RateLimit groupRateLimit(String group) {
        return locked(() -> group == null ? state.groups.defaultRate : state.groups.rates.get(group));
    }

    @Override
    public long groupWaitingCount(String group) {
        Objects.requireNonNull(group, "group");
        return locked(() -> state.groups.waitingCount(group));
    }

    @Override
    public List<String> waitingGroups() {
        return locked(state.groups::waitingGroups);
    }

    // ---- schedulers and flows (issue 5) ----

    @Override
    public String upsertJobScheduler(String schedulerId, io.taskqueue.SchedulerSpec spec, NewJob template) {
        Objects.requireNonNull(schedulerId, "schedulerId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(template, "template");
        return locked(() -> schedulers.upsert(schedulerId, spec, template));
    }

    @Override
    public boolean removeJobScheduler(String schedulerId) {
        return locked(() -> schedulers.remove(schedulerId));
    }

    @Override
    public List<io.taskqueue.JobScheduler> getJobSchedulers() {
        return locked(schedulers::list);
    }

}
