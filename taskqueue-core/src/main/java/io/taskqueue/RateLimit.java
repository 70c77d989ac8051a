package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * A fixed-window rate limit: at most {@code max} job starts per {@code duration}, BullMQ's
 * {@code limiter: {max, duration}}. The window opens at the first start and is not sliding, as in
 * BullMQ (docs/protocol.md §5.16); it limits starts, not jobs running at once (use concurrency for that).
 *
 * @param max the most jobs started per window; at least 1
 * @param duration the window's length; at least 1 ms
 */
public record RateLimit(int max, Duration duration) {
    public RateLimit {
        Objects.requireNonNull(duration, "duration");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException("duration must be at least 1 ms: " + duration);
        }
    }

    /** {@code max} starts per {@code duration}. */
    public static RateLimit of(int max, Duration duration) {
        return new RateLimit(max, duration);
    }

    /** The window in milliseconds. */
    public long durationMillis() {
        return duration.toMillis();
    }
}
