package io.taskqueue.spi;

import io.taskqueue.Job;
import java.util.Objects;

/** What a fetch (or a finish that also fetched) returned. */
public sealed interface FetchResult {

    /** Nothing to fetch (including: the queue is paused). */
    FetchResult EMPTY = new Empty(null);

    /** A job is now active and locked with the request's token. */
    record Fetched(Job job) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(job, "job");
        }
    }

    /**
     * Nothing ready now.
     *
     * @param nextDelayedAt when the earliest delayed job is due (epoch ms), or {@code null}
     */
    record Empty(Long nextDelayedAt) implements FetchResult {
    }

    /** The queue is rate limited for {@code ttlMillis} more. */
    record RateLimited(long ttlMillis) implements FetchResult {
    }
}
