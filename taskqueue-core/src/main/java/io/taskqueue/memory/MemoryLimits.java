package io.taskqueue.memory;

import io.taskqueue.Metrics;
import io.taskqueue.RateLimit;
import io.taskqueue.spi.LimitSupport;
import io.taskqueue.spi.MetricsSupport;
import java.time.Duration;
import java.util.Objects;

/** The queue-wide limits of an in-memory queue, and the per-minute metrics kept beside its limiter. */
final class MemoryLimits implements LimitSupport, MetricsSupport {
    private final QueueState state;

    MemoryLimits(QueueState state) {
        this.state = state;
    }

    @Override
    public void setGlobalConcurrency(Integer concurrency) {
        state.locked(() -> {
            state.limits.concurrency = concurrency;
            // Raising or removing the cap may free workers that found the queue maxed.
            state.markWorkUnlessPaused();
        });
    }

    @Override
    public Integer globalConcurrency() {
        return state.locked(() -> state.limits.concurrency);
    }

    @Override
    public void setGlobalRateLimit(RateLimit limit) {
        state.locked(() -> {
            state.limits.globalMax = limit == null ? null : limit.max();
            state.limits.globalDuration = limit == null ? null : limit.durationMillis();
        });
    }

    @Override
    public RateLimit globalRateLimit() {
        return state.locked(() -> state.limits.globalMax == null || state.limits.globalDuration == null ? null
                : new RateLimit(state.limits.globalMax, Duration.ofMillis(state.limits.globalDuration)));
    }

    @Override
    public void rateLimit(long ttlMillis) {
        state.locked(() -> state.limits.manualLimit(ttlMillis));
    }

    @Override
    public long rateLimitTtl(Integer maxJobs) {
        return state.locked(() -> {
            Integer max = maxJobs != null ? maxJobs : state.limits.globalMax;
            if (max != null) {
                return state.limits.rateLimitTtl(max);
            }
            return Math.max(0, state.limits.pttl());
        });
    }

    @Override
    public void resetRateLimit() {
        state.locked(state.limits::clearLimiter);
    }

    @Override
    public Metrics getMetrics(Metrics.Type type, long start, long end) {
        Objects.requireNonNull(type, "type");
        return state.locked(() -> state.limits.metrics(type, start, end));
    }
}
