package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * A worker's settings. Immutable; build with {@link #builder()}; every default is a documented
 * {@code DEFAULT_*} constant matching BullMQ 6 where BullMQ has the setting.
 *
 * @param name the worker's name, stored as {@code processedBy} and shown by dashboards; may be null
 * @param concurrency how many jobs run at once
 * @param lockDuration how long a job's lock lives without renewal; locks are renewed every quarter
 * @param stalledInterval how often the stall check runs (once per interval across all workers)
 * @param maxStalledCount how many times a job may be recovered from a dead worker before it fails
 * @param drainDelay the longest wait for new work on an idle queue before fetching anyway
 * @param removeOnComplete retention of completed jobs whose options do not say
 * @param removeOnFail retention of failed jobs whose options do not say
 * @param threadPool the handler pool, or {@code null} for one thread per concurrency slot
 * @param closeTimeout how long {@link Worker#close()} waits for active jobs before handing them back
 * @param limiter this worker's rate limit (BullMQ's {@code limiter}), or {@code null} for none; a
 *     queue's global rate limit overrides its {@code max} (see {@link QueueLimits#setGlobalRateLimit})
 * @param metricsMaxDataPoints per-minute completed/failed counts to keep (BullMQ's
 *     {@code metrics.maxDataPoints}, e.g. {@link #METRICS_ONE_WEEK}); 0 collects none. All workers of a
 *     queue should use the same value.
 */
public record WorkerOptions(
        String name,
        int concurrency,
        Duration lockDuration,
        Duration stalledInterval,
        int maxStalledCount,
        Duration drainDelay,
        KeepJobs removeOnComplete,
        KeepJobs removeOnFail,
        ThreadPoolSettings threadPool,
        Duration closeTimeout,
        RateLimit limiter,
        int metricsMaxDataPoints) {

    /** Default concurrency: one job at a time. */
    public static final int DEFAULT_CONCURRENCY = 1;
    /** Default lock duration: 30 s. */
    public static final Duration DEFAULT_LOCK_DURATION = Duration.ofSeconds(30);
    /** Default stall check interval: 30 s. */
    public static final Duration DEFAULT_STALLED_INTERVAL = Duration.ofSeconds(30);
    /** Default stall limit: one recovery, then the next stall fails the job. */
    public static final int DEFAULT_MAX_STALLED_COUNT = 1;
    /** Default drain delay: 5 s. */
    public static final Duration DEFAULT_DRAIN_DELAY = Duration.ofSeconds(5);
    /** Default close timeout: 30 s. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Default metrics: none collected. */
    public static final int DEFAULT_METRICS_MAX_DATA_POINTS = 0;
    /** One week of per-minute metrics (BullMQ's {@code MetricsTime.ONE_WEEK}). */
    public static final int METRICS_ONE_WEEK = 10_080;

    public WorkerOptions {
        Objects.requireNonNull(lockDuration, "lockDuration");
        Objects.requireNonNull(stalledInterval, "stalledInterval");
        Objects.requireNonNull(drainDelay, "drainDelay");
        Objects.requireNonNull(removeOnComplete, "removeOnComplete");
        Objects.requireNonNull(removeOnFail, "removeOnFail");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        requirePositive("lockDuration", lockDuration);
        requirePositive("stalledInterval", stalledInterval);
        requirePositive("drainDelay", drainDelay);
        if (lockDuration.toMillis() < 4) {
            throw new IllegalArgumentException("lockDuration must be at least 4 ms: " + lockDuration);
        }
        if (maxStalledCount < 0) {
            throw new IllegalArgumentException("maxStalledCount must not be negative: " + maxStalledCount);
        }
        if (metricsMaxDataPoints < 0) {
            throw new IllegalArgumentException("metricsMaxDataPoints must not be negative: " + metricsMaxDataPoints);
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout must not be negative: " + closeTimeout);
        }
        if (threadPool != null && concurrency > threadPool.maxThreads() + threadPool.maxQueue()) {
            throw new IllegalArgumentException("concurrency " + concurrency
                    + " exceeds the thread pool's maxThreads + maxQueue (" + threadPool + ")");
        }
    }

    private static void requirePositive(String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }

    /** Options with every default. */
    public static WorkerOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().name(name).concurrency(concurrency).lockDuration(lockDuration)
                .stalledInterval(stalledInterval).maxStalledCount(maxStalledCount).drainDelay(drainDelay)
                .removeOnComplete(removeOnComplete).removeOnFail(removeOnFail).threadPool(threadPool)
                .closeTimeout(closeTimeout).limiter(limiter).metricsMaxDataPoints(metricsMaxDataPoints);
    }

    /** The pool settings in force: the configured ones, or one thread per slot. */
    public ThreadPoolSettings effectiveThreadPool() {
        return threadPool != null ? threadPool : ThreadPoolSettings.of(concurrency);
    }

    /** Builder for {@link WorkerOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private String name;
        private int concurrency = DEFAULT_CONCURRENCY;
        private Duration lockDuration = DEFAULT_LOCK_DURATION;
        private Duration stalledInterval = DEFAULT_STALLED_INTERVAL;
        private int maxStalledCount = DEFAULT_MAX_STALLED_COUNT;
        private Duration drainDelay = DEFAULT_DRAIN_DELAY;
        private KeepJobs removeOnComplete = KeepJobs.all();
        private KeepJobs removeOnFail = KeepJobs.all();
        private ThreadPoolSettings threadPool;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        private RateLimit limiter;
        private int metricsMaxDataPoints = DEFAULT_METRICS_MAX_DATA_POINTS;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder lockDuration(Duration lockDuration) {
            this.lockDuration = lockDuration;
            return this;
        }

        public Builder stalledInterval(Duration stalledInterval) {
            this.stalledInterval = stalledInterval;
            return this;
        }

        public Builder maxStalledCount(int maxStalledCount) {
            this.maxStalledCount = maxStalledCount;
            return this;
        }

        public Builder drainDelay(Duration drainDelay) {
            this.drainDelay = drainDelay;
            return this;
        }

        public Builder removeOnComplete(KeepJobs keep) {
            this.removeOnComplete = keep;
            return this;
        }

        public Builder removeOnFail(KeepJobs keep) {
            this.removeOnFail = keep;
            return this;
        }

        public Builder threadPool(ThreadPoolSettings threadPool) {
            this.threadPool = threadPool;
            return this;
        }

        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        /** This worker's rate limit, or {@code null} for none. */
        public Builder limiter(RateLimit limiter) {
            this.limiter = limiter;
            return this;
        }

        /** Per-minute metrics points to keep; 0 for none. */
        public Builder metricsMaxDataPoints(int metricsMaxDataPoints) {
            this.metricsMaxDataPoints = metricsMaxDataPoints;
            return this;
        }

        public WorkerOptions build() {
            return new WorkerOptions(name, concurrency, lockDuration, stalledInterval, maxStalledCount,
                    drainDelay, removeOnComplete, removeOnFail, threadPool, closeTimeout, limiter,
                    metricsMaxDataPoints);
        }
    }
}
