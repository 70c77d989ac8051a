package io.taskqueue.postgres;

import java.time.Instant;

/**
 * Which dead letters to list or replay; {@code null} fields match everything. Dead letters are
 * ordered by when they failed (then by row id), oldest first, and that order defines positions.
 *
 * @param queueName only this queue
 * @param category only this category name (an {@link io.taskqueue.ErrorCategory#name()} or one of
 *     {@link TrackerCategories})
 * @param taskIdPrefix only task ids starting with this, e.g. {@code orders:c-42:}
 * @param failedAfter only those that failed at or after this instant
 * @param failedBefore only those that failed before this instant
 * @param includeArchived also archived entries (never replayed by bulk replays)
 */
public record DeadLetterFilter(String queueName, String category, String taskIdPrefix,
        Instant failedAfter, Instant failedBefore, boolean includeArchived) {

    /** Every dead letter still in the queue (not archived). */
    public static DeadLetterFilter all() {
        return new DeadLetterFilter(null, null, null, null, null, false);
    }

    /** The dead letters of one queue. */
    public static DeadLetterFilter queue(String queueName) {
        return all().withQueue(queueName);
    }

    public DeadLetterFilter withQueue(String queueName) {
        return new DeadLetterFilter(queueName, category, taskIdPrefix, failedAfter, failedBefore, includeArchived);
    }

    public DeadLetterFilter withCategory(String category) {
        return new DeadLetterFilter(queueName, category, taskIdPrefix, failedAfter, failedBefore, includeArchived);
    }

    public DeadLetterFilter withTaskIdPrefix(String prefix) {
        return new DeadLetterFilter(queueName, category, prefix, failedAfter, failedBefore, includeArchived);
    }

    public DeadLetterFilter withFailedBetween(Instant after, Instant before) {
        return new DeadLetterFilter(queueName, category, taskIdPrefix, after, before, includeArchived);
    }

    public DeadLetterFilter withArchived(boolean include) {
        return new DeadLetterFilter(queueName, category, taskIdPrefix, failedAfter, failedBefore, include);
    }
}
