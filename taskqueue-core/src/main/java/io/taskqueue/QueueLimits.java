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
}
