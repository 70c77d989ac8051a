package io.taskqueue.memory;

/**
 * The protocol's score encodings (docs/protocol.md §4): delayed jobs are scored {@code due * 4096 + seq} so that up
 * to 4096 jobs due in the same millisecond keep their insertion order; prioritized jobs are scored
 * {@code priority * 2^32 + counter} so that equal priorities run FIFO.
 */
final class Scores {
    /** Sequence slots per due millisecond in the delayed set. */
    static final long DELAY_SLOTS = 4096;
    /** The priority class width in the prioritized set. */
    static final long PRIORITY_CLASS = 1L << 32;

    private Scores() {
    }

    /**
     * The delayed score for a job due at {@code due}: one above the highest score already used in
     * that millisecond, saturating at the millisecond's last slot (later jobs then tie and fall
     * back to member order, as on Redis).
     */
    static long delayedScore(ScoredSet delayed, long due) {
        long min = due * DELAY_SLOTS;
        long max = (due + 1) * DELAY_SLOTS - 1;
        Long highest = delayed.highestScoreIn(min, max);
        if (highest == null) {
            return min;
        }
        return highest < max ? highest + 1 : max;
    }

    /** The highest delayed score that is due at {@code now} (i.e. due time {@code <= now}). */
    static long dueCutoff(long now) {
        return (now + 1) * DELAY_SLOTS - 1;
    }

    /** The due time a delayed score encodes, truncated to whole milliseconds as Redis replies. */
    static long dueOf(long score) {
        return Math.floorDiv(score, DELAY_SLOTS);
    }

    /** A prioritized score behind every job of the same priority already queued. */
    static long priorityScore(int priority, long counter) {
        return priority * PRIORITY_CLASS + Math.floorMod(counter, PRIORITY_CLASS);
    }

    /** A prioritized score ahead of the whole priority class (requeue, lifo priority change). */
    static long frontOfClass(int priority) {
        return priority * PRIORITY_CLASS;
    }
}
