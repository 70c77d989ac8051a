package io.taskqueue;

import io.taskqueue.spi.GroupSupport;
import io.taskqueue.spi.LimitSupport;
import io.taskqueue.spi.QueueBackend;
import java.time.Duration;
import java.util.Optional;

/**
 * Queue-wide limits, stored with the queue so that every worker honours them, BullMQ's Node workers
 * included on Redis. Needs {@link Capability#LIMITS}; the group settings need {@link Capability#GROUPS}.
 * Obtain it from {@link JobQueue#limits()}. Per-worker limits are {@link WorkerOptions#limiter()}.
 */
public final class QueueLimits {
    private final QueueBackend queue;
    private final String backendDescription;

    QueueLimits(QueueBackend queue, String backendDescription) {
        this.queue = queue;
        this.backendDescription = backendDescription;
    }

    private LimitSupport limits() {
        return Capability.LIMITS.of(queue, LimitSupport.class, backendDescription);
    }

    private GroupSupport groups() {
        return Capability.GROUPS.of(queue, GroupSupport.class, backendDescription);
    }

    /** Caps how many jobs of this queue run at once across all workers. */
    public void setGlobalConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        limits().setGlobalConcurrency(concurrency);
    }

    /** Lifts the global concurrency cap. */
    public void removeGlobalConcurrency() {
        limits().setGlobalConcurrency(null);
    }

    /** The global concurrency, if set. */
    public Optional<Integer> globalConcurrency() {
        return Optional.ofNullable(limits().globalConcurrency());
    }

    /**
     * Limits job starts across all workers to {@code max} per {@code duration}; overrides the
     * {@code max} of workers' own limiters (a worker's {@code duration}, when set, still wins, as in
     * BullMQ).
     */
    public void setGlobalRateLimit(int max, Duration duration) {
        limits().setGlobalRateLimit(new RateLimit(max, duration));
    }

    /** Lifts the global rate limit. */
    public void removeGlobalRateLimit() {
        limits().setGlobalRateLimit(null);
    }

    /** The global rate limit, if set. */
    public Optional<RateLimit> globalRateLimit() {
        return Optional.ofNullable(limits().globalRateLimit());
    }

    /** Rate-limits the queue for {@code ttl} from now, as a handler's {@link JobContext#rateLimit} does. */
    public void rateLimit(Duration ttl) {
        limits().rateLimit(Math.max(1, ttl.toMillis()));
    }

    /** How long the queue stays rate limited (zero when it is not). */
    public Duration rateLimitTtl() {
        return Duration.ofMillis(limits().rateLimitTtl(null));
    }

    /** Ends the current rate-limit window now. */
    public void removeRateLimitKey() {
        limits().resetRateLimit();
    }

    // ---- job groups (JobOptions.group) ----

    /**
     * Caps how many jobs of {@code group} run at once across all workers; 1 makes the group's jobs
     * run one after another in the order they were added.
     */
    public void setGroupConcurrency(String group, int concurrency) {
        JobOptions.validateGroup(group);
        groups().setGroupConcurrency(group, positive(concurrency));
    }

    /** Removes {@code group}'s own concurrency; the default for groups applies again. */
    public void removeGroupConcurrency(String group) {
        JobOptions.validateGroup(group);
        groups().setGroupConcurrency(group, null);
    }

    /** The concurrency that applies to {@code group}: its own, else the default for groups, if any. */
    public Optional<Integer> groupConcurrency(String group) {
        JobOptions.validateGroup(group);
        Integer own = groups().groupConcurrency(group);
        return own != null ? Optional.of(own) : defaultGroupConcurrency();
    }

    /** The concurrency of every group without its own setting. */
    public void setDefaultGroupConcurrency(int concurrency) {
        groups().setGroupConcurrency(null, positive(concurrency));
    }

    /** Removes the default group concurrency: groups without their own are not capped. */
    public void removeDefaultGroupConcurrency() {
        groups().setGroupConcurrency(null, null);
    }

    /** The default group concurrency, if set. */
    public Optional<Integer> defaultGroupConcurrency() {
        return Optional.ofNullable(groups().groupConcurrency(null));
    }

    /**
     * Limits the starts of {@code group}'s jobs to {@code limit.max()} per fixed window of
     * {@code limit.duration()}, opened at the group's first start (as BullMQ's limiter).
     */
    public void setGroupRateLimit(String group, RateLimit limit) {
        JobOptions.validateGroup(group);
        groups().setGroupRateLimit(group, java.util.Objects.requireNonNull(limit, "limit"));
    }

    /** Removes {@code group}'s own rate limit; the default for groups applies again. */
    public void removeGroupRateLimit(String group) {
        JobOptions.validateGroup(group);
        groups().setGroupRateLimit(group, null);
    }

    /** The rate limit that applies to {@code group}: its own, else the default for groups, if any. */
    public Optional<RateLimit> groupRateLimit(String group) {
        JobOptions.validateGroup(group);
        RateLimit own = groups().groupRateLimit(group);
        return own != null ? Optional.of(own) : defaultGroupRateLimit();
    }

    /** The rate limit of every group without its own (each group gets its own windows). */
    public void setDefaultGroupRateLimit(RateLimit limit) {
        groups().setGroupRateLimit(null, java.util.Objects.requireNonNull(limit, "limit"));
    }

    /** Removes the default group rate limit. */
    public void removeDefaultGroupRateLimit() {
        groups().setGroupRateLimit(null, null);
    }

    /** The default group rate limit, if set. */
    public Optional<RateLimit> defaultGroupRateLimit() {
        return Optional.ofNullable(groups().groupRateLimit(null));
    }

    /** How many jobs wait in {@code group}'s own queue (they show as delayed until released). */
    public long groupWaitingCount(String group) {
        JobOptions.validateGroup(group);
        return groups().groupWaitingCount(group);
    }

    /** The groups with jobs waiting in their own queue. */
    public java.util.List<String> waitingGroups() {
        return groups().waitingGroups();
    }

    private static int positive(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        return concurrency;
    }
}
