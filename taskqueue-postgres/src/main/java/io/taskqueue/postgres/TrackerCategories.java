package io.taskqueue.postgres;

/**
 * The category names the tracker records for endings that no error classifier decided, next to the
 * names of the task queue's {@link io.taskqueue.ErrorCategory categories} (which it records as the
 * worker decided them, and never reclassifies). Stored in {@code error_category}; usable in
 * {@link DeadLetterFilter}s and counted by {@link TaskHistory#failuresByCategory}.
 */
public final class TrackerCategories {
    /** The job was cancelled: its execution is archived, not a dead letter. */
    public static final String CANCELLED = "cancelled";
    /**
     * The job's worker stopped renewing its lock and the queue put the job back: the execution waits
     * again ({@code queued}) until the rerun claims it.
     */
    public static final String STALLED = "stalled";
    /**
     * The worker lost the job's lock and dropped its result: the execution waits again
     * ({@code queued}) for whichever worker runs the job next.
     */
    public static final String LOCK_LOST = "lock_lost";
    /** The queue refused a tracked enqueue: the execution failed before it ran. */
    public static final String ENQUEUE_FAILED = "enqueue_failed";

    private TrackerCategories() {
    }
}
