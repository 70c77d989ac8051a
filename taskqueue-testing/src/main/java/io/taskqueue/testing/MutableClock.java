package io.taskqueue.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that stands still until a test moves it. Hand it to queues and workers to test delays,
 * backoff and retention at exact times without waiting. Thread-safe.
 */
public final class MutableClock extends Clock {
    private final AtomicLong millis;
    private final ZoneId zone;

    private MutableClock(long millis, ZoneId zone) {
        this.millis = new AtomicLong(millis);
        this.zone = zone;
    }

    /** A clock stopped at {@code instant} (millisecond precision), in UTC. */
    public static MutableClock at(Instant instant) {
        return new MutableClock(instant.toEpochMilli(), ZoneOffset.UTC);
    }

    /** A clock stopped at the current wall-clock time, so timestamps look realistic. */
    public static MutableClock startingNow() {
        return at(Instant.now());
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    /** Sets the clock. */
    public void set(Instant instant) {
        millis.set(instant.toEpochMilli());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // A view sharing this clock's time, so advancing one advances both.
        MutableClock parent = this;
        Objects.requireNonNull(zone, "zone");
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return parent.withZone(other);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant() + "]";
    }
}
