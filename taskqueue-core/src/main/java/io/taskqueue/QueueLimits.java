package io.taskqueue;

import io.taskqueue.spi.QueueBackend;
import java.time.Duration;
import java.util.Optional;

/**
 * Queue-wide limits, stored with the queue (meta {@code concurrency}, {@code max}, {@code duration}
 * and the {@code limiter} key) so that every worker honours them, BullMQ's Node workers included.
 * Obtain it from {@link Queue#limits()}. Per-worker limits are {@link WorkerOptions#limiter()}.
 */
public final class QueueLimits {
    private final QueueBackend backend;

    QueueLimits(QueueBackend backend) {
        this.backend = backend;
    }

    /** Caps how many jobs of this queue run at once across all workers. */
    public void setGlobalConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        backend.setGlobalConcurrency(concurrency);
    }

    /** Lifts the global concurrency cap. */
    public void removeGlobalConcurrency() {
        backend.setGlobalConcurrency(null);
    }

    /** The global concurrency, if set. */
    public Optional<Integer> globalConcurrency() {
        return Optional.ofNullable(backend.globalConcurrency());
    }

    /**
     * Limits job starts across all workers to {@code max} per {@code duration}; overrides the
     * {@code max} of workers' own limiters (a worker's {@code duration}, when set, still wins, as in
     * BullMQ).
     */
    public void setGlobalRateLimit(int max, Duration duration) {
        backend.setGlobalRateLimit(new RateLimit(max, duration));
    }

    /** Lifts the global rate limit. */
    public void removeGlobalRateLimit() {
        backend.setGlobalRateLimit(null);
    }

    /** The global rate limit, if set. */
    public Optional<RateLimit> globalRateLimit() {
        return Optional.ofNullable(backend.globalRateLimit());
    }

    /** Rate-limits the queue for {@code ttl} from now, as a handler's {@link JobContext#rateLimit} does. */
    public void rateLimit(Duration ttl) {
        backend.rateLimit(Math.max(1, ttl.toMillis()));
    }

    /** How long the queue stays rate limited (zero when it is not). */
    public Duration rateLimitTtl() {
        return Duration.ofMillis(backend.rateLimitTtl(null));
    }

    /** Ends the current rate-limit window now. */
    public void removeRateLimitKey() {
        backend.removeRateLimitKey();
    }

    // ---- job groups (JobOptions.group) ----

    /**
     * Caps how many jobs of {@code group} run at once across all workers; 1 makes the group's jobs
     * run one after another in the order they were added.
     */
    public void setGroupConcurrency(String group, int concurrency) {
        JobOptions.validateGroup(group);
        backend.setGroupConcurrency(group, positive(concurrency));
    }

    /** Removes {@code group}'s own concurrency; the default for groups applies again. */
    public void removeGroupConcurrency(String group) {
        JobOptions.validateGroup(group);
        backend.setGroupConcurrency(group, null);
    }

    /** The concurrency that applies to {@code group}: its own, else the default for groups, if any. */
    public Optional<Integer> groupConcurrency(String group) {
        JobOptions.validateGroup(group);
        Integer own = backend.groupConcurrency(group);
        return own != null ? Optional.of(own) : defaultGroupConcurrency();
    }

    /** The concurrency of every group without its own setting. */
    public void setDefaultGroupConcurrency(int concurrency) {
        backend.setGroupConcurrency(null, positive(concurrency));
    }

    /** Removes the default group concurrency: groups without their own are not capped. */
    public void removeDefaultGroupConcurrency() {
        backend.setGroupConcurrency(null, null);
    }

    /** The default group concurrency, if set. */
    public Optional<Integer> defaultGroupConcurrency() {
        return Optional.ofNullable(backend.groupConcurrency(null));
    }

    /**
     * Limits the starts of {@code group}'s jobs to {@code limit.max()} per fixed window of
     * {@code limit.duration()}, opened at the group's first start (as BullMQ's limiter).
     */
    public void setGroupRateLimit(String group, RateLimit limit) {
        JobOptions.validateGroup(group);
        backend.setGroupRateLimit(group, java.util.Objects.requireNonNull(limit, "limit"));
    }

    /** Removes {@code group}'s own rate limit; the default for groups applies again. */
    public void removeGroupRateLimit(String group) {
        JobOptions.validateGroup(group);
        backend.setGroupRateLimit(group, null);
    }

    /** The rate limit that applies to {@code group}: its own, else the default for groups, if any. */
    public Optional<RateLimit> groupRateLimit(String group) {
        JobOptions.validateGroup(group);
        RateLimit own = backend.groupRateLimit(group);
        return own != null ? Optional.of(own) : defaultGroupRateLimit();
    }

    /** The rate limit of every group without its own (each group gets its own windows). */
    public void setDefaultGroupRateLimit(RateLimit limit) {
        backend.setGroupRateLimit(null, java.util.Objects.requireNonNull(limit, "limit"));
    }

    /** Removes the default group rate limit. */
    public void removeDefaultGroupRateLimit() {
        backend.setGroupRateLimit(null, null);
    }

    /** The default group rate limit, if set. */
    public Optional<RateLimit> defaultGroupRateLimit() {
        return Optional.ofNullable(backend.groupRateLimit(null));
    }

    /** How many jobs wait in {@code group}'s own queue (they show as delayed until released). */
    public long groupWaitingCount(String group) {
        JobOptions.validateGroup(group);
        return backend.groupWaitingCount(group);
    }

    /** The groups with jobs waiting in their own queue. */
    public java.util.List<String> waitingGroups() {
        return backend.waitingGroups();
    }

    private static int positive(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        return concurrency;
    }
}
