package io.taskqueue.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link DeadLetters#applyPolicies} does with the dead letters of one error category: keep them
 * for a person, archive them, or replay them (after a delay, optionally only while they are recent).
 * {@link DeadLetterPolicy} maps category names to these.
 */
public sealed interface CategoryPolicy permits CategoryPolicy.Keep, CategoryPolicy.Archive, CategoryPolicy.Replay {

    /** Leave the dead letters for manual review. */
    static CategoryPolicy keep() {
        return new Keep();
    }

    /** Archive the dead letters: replaying the same input cannot help. */
    static CategoryPolicy archive() {
        return new Archive();
    }

    /** Replay at once, whatever the dead letter's age. */
    static Replay replayNow() {
        return new Replay(Duration.ZERO, Duration.ZERO, null);
    }

    /** Replay after {@code delay}, whatever the dead letter's age. */
    static Replay replayAfter(Duration delay) {
        return new Replay(delay, delay, null);
    }

    /** Replay after {@code firstDelay × 2^replays so far}, capped at {@code maxDelay}. */
    static Replay replayWithBackoff(Duration firstDelay, Duration maxDelay) {
        return new Replay(firstDelay, maxDelay, null);
    }

    /** Kept in the dead-letter queue for a person. */
    record Keep() implements CategoryPolicy {
    }

    /** Archived without a replay. */
    record Archive() implements CategoryPolicy {
    }

    /**
     * Replayed after {@code firstDelay × 2^replays}, capped at {@code maxDelay}, where {@code replays}
     * counts the replays that led to the dead letter (0 for an original). A task replayed
     * {@link DeadLetterPolicy#maxAutoReplays()} times is kept instead.
     *
     * @param firstDelay the delay of the first replay
     * @param maxDelay the longest delay; at least {@code firstDelay}
     * @param window replay only dead letters that failed less than this long ago (older ones are
     *     kept); {@code null} for any age
     */
    record Replay(Duration firstDelay, Duration maxDelay, Duration window) implements CategoryPolicy {
        public Replay {
            Objects.requireNonNull(firstDelay, "firstDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay: " + firstDelay + ", " + maxDelay);
            }
            if (window != null && (window.isNegative() || window.isZero())) {
                throw new IllegalArgumentException("window must be positive: " + window);
            }
        }

        /** This policy, replaying only dead letters that failed less than {@code window} ago. */
        public Replay within(Duration window) {
            return new Replay(firstDelay, maxDelay, Objects.requireNonNull(window, "window"));
        }

        /** The delay of a replay of a dead letter that {@code replays} replays led to. */
        public Duration delay(int replays) {
            Duration delay = firstDelay;
            for (int i = 0; i < replays && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }
}
