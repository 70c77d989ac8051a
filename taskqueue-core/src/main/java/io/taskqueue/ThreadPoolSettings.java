package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounded platform-thread pool a worker creates for its handlers when it is not given an
 * executor. Threads are added up to {@code maxThreads} before anything queues, shrink back to
 * {@code minThreads} after {@code idleTimeout}, and at most {@code maxQueue} fetched jobs wait for
 * a thread. Seed systems ran with min 1, max 4, 30 s idle and a queue of 100.
 *
 * @param minThreads threads kept alive while idle
 * @param maxThreads the most threads running handlers at once
 * @param idleTimeout how long an idle thread above {@code minThreads} lives
 * @param maxQueue how many fetched jobs may wait for a free thread
 */
public record ThreadPoolSettings(int minThreads, int maxThreads, Duration idleTimeout, int maxQueue) {
    /** Default minimum threads. */
    public static final int DEFAULT_MIN_THREADS = 1;
    /** Default idle timeout. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Default queue: none, so every running job has its own thread. */
    public static final int DEFAULT_MAX_QUEUE = 0;

    public ThreadPoolSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (minThreads < 0 || maxThreads < 1 || minThreads > maxThreads) {
            throw new IllegalArgumentException(
                    "need 0 <= minThreads <= maxThreads and maxThreads >= 1: " + minThreads + ", " + maxThreads);
        }
        if (maxQueue < 0) {
            throw new IllegalArgumentException("maxQueue must not be negative: " + maxQueue);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative: " + idleTimeout);
        }
    }

    /** A pool of exactly {@code threads} threads (after warm-up) with the default idle timeout. */
    public static ThreadPoolSettings of(int threads) {
        return new ThreadPoolSettings(DEFAULT_MIN_THREADS, threads, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_QUEUE);
    }
}
