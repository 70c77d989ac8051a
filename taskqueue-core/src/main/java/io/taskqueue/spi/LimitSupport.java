package io.taskqueue.spi;

import io.taskqueue.RateLimit;

/**
 * Capability {@link io.taskqueue.Capability#LIMITS}: limits stored with the queue, which every
 * worker honours (other runtimes' workers on a shared store included), and the worker's own rate
 * limit in {@link FetchRequest#limiter()}.
 */
public interface LimitSupport {
    /** Sets how many jobs of the queue may be active at once, or removes the cap when null. */
    void setGlobalConcurrency(Integer concurrency);

    /** The global concurrency, or {@code null} when none is set. */
    Integer globalConcurrency();

    /** Sets the queue-wide rate limit of job starts, or removes it when null. */
    void setGlobalRateLimit(RateLimit limit);

    /** The global rate limit, or {@code null} when none is set. */
    RateLimit globalRateLimit();

    /** Rate-limits the queue for {@code ttlMillis} from now, whatever its limits say. */
    void rateLimit(long ttlMillis);

    /**
     * How long the queue stays rate limited, in ms (0: not limited): against {@code maxJobs} as a
     * fetch would decide it, or without it against the global limit, or the manual limit when none.
     */
    long rateLimitTtl(Integer maxJobs);

    /** Ends the current rate-limit window now. */
    void resetRateLimit();
}
