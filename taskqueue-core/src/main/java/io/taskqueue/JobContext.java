package io.taskqueue;

import java.time.Duration;
import java.util.Optional;

/**
 * What a handler gets for one attempt of one job. Thread-safe: a handler may hand it to threads it
 * starts, but it is only valid until the handler returns.
 *
 * @param <D> the job's data type
 */
public interface JobContext<D> {
    /** The job as it was fetched for this attempt. */
    Job job();

    /** The job's data, decoded as its {@link JobType}'s data type. */
    D data();

    /** The queue's name. */
    String queueName();

    /** This attempt's number, starting at 1 (attempts made before it, plus one). */
    int attempt();

    /** The total attempts allowed by the job's options. */
    int maxAttempts();

    /**
     * Records progress: a number (e.g. a percentage) or any object that encodes to JSON. Stored with
     * the job and published as a {@code progress} event.
     */
    void updateProgress(Object progress);

    /** Appends a line to the job's log (trimmed to {@link JobOptions#keepLogs()}). */
    void log(String line);

    /**
     * Saves a checkpoint under {@code key}. It is stored at once, so the next attempt of the same job
     * (after a crash, a retry or a stall) can read it and resume instead of starting over.
     */
    void checkpoint(String key, Object state);

    /** The state last saved under {@code key} by this or an earlier attempt. */
    <T> Optional<T> checkpoint(String key, Class<T> type);

    /**
     * True once the job was cancelled, timed out, lost its lock or must be handed back because the
     * worker is closing. Long handlers should poll it (or call {@link #throwIfCancelled()}) between
     * units of work; the worker also interrupts the handler's thread.
     */
    boolean isCancelled();

    /** Why the attempt was stopped, once {@link #isCancelled()}. */
    Optional<String> cancellationReason();

    /** Throws {@link JobCancelledException} once {@link #isCancelled()}. */
    void throwIfCancelled();

    /**
     * Renews the job's lock now. Not needed for liveness, since a dedicated thread renews locks,
     * but useful right after a long pause such as a GC or a suspended VM.
     */
    void heartbeat();

    /**
     * Builds the exception that puts the job back to run again after {@code delay} without spending
     * an attempt; throw what it returns: {@code throw ctx.retryLater(Duration.ofSeconds(30));}.
     */
    default RetryLaterException retryLater(Duration delay) {
        return new RetryLaterException(delay, null);
    }

    /**
     * Builds the exception that rate-limits the whole queue for {@code ttl} (e.g. after an HTTP 429)
     * and puts this job back at the front without spending an attempt; throw what it returns:
     * {@code throw ctx.rateLimit(Duration.ofSeconds(10));}. See {@link RateLimitedException}.
     */
    default RateLimitedException rateLimit(Duration ttl) {
        return new RateLimitedException(ttl);
    }
}
