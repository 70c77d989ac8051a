package io.taskqueue.postgres;

import java.util.Arrays;

/**
 * The status of one execution in {@code task_trackers}, stored as its lower-case {@link #wireName()}.
 *
 * <pre>
 * QUEUED ──claim──► PROCESSING ──► COMPLETED
 *                        └──► FAILED (attempts remain; the next attempt is a new QUEUED execution)
 *                        └──► DLQ (attempts spent or not retryable) ──replay/policy/by hand──► ARCHIVED
 * </pre>
 */
public enum TaskStatus {
    /** Enqueued, waiting for a worker. */
    QUEUED("queued"),
    /** Claimed by a worker and running. */
    PROCESSING("processing"),
    /** Finished with a result. */
    COMPLETED("completed"),
    /** Failed, but the job has attempts left (the next attempt is another execution). */
    FAILED("failed"),
    /** Failed for good: a dead letter. */
    DLQ("dlq"),
    /** Removed from the dead-letter queue (replayed, archived by policy or by hand). */
    ARCHIVED("archived");

    private final String wireName;

    TaskStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The stored name, e.g. {@code dlq}. */
    public String wireName() {
        return wireName;
    }

    /** Parses a stored name. */
    public static TaskStatus fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown task status: " + name));
    }
}
