package io.taskqueue.cli.tracker;

import io.taskqueue.cli.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@code --since} as typed: a fixed instant, or a duration back from the run's clock. Kept unresolved
 * until a command has the clock, so "24h" means 24 hours before the run's now, whatever clock that is.
 *
 * @param at the instant, or {@code null} for a duration back
 * @param back the duration back from now, or {@code null} for an instant
 */
public record Since(Instant at, Duration back) {
    /** Exactly one of the two. */
    public Since {
        if ((at == null) == (back == null)) {
            throw new IllegalArgumentException("a since is an instant or a duration back, not both or neither");
        }
    }

    /** The instant this means on {@code clock}. */
    public Instant resolve(Clock clock) {
        return at != null ? at : clock.instant().minus(back);
    }

    /** As confirmations show it: the instant, or {@code 24h ago}. */
    @Override
    public String toString() {
        return at != null ? at.toString() : Durations.format(back) + " ago";
    }
}
