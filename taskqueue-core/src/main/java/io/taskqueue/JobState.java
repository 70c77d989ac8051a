package io.taskqueue;

import java.util.Arrays;

/**
 * Where a job is in its life. The names match BullMQ's state names on the wire ({@link #wireName()}).
 *
 * <pre>
 * added ──► WAITING / PRIORITIZED ──► ACTIVE ──► COMPLETED
 *   └─► DELAYED ──(due)──┘   ▲          │ └──► FAILED (attempts spent, unrecoverable, cancelled)
 *                            └──(retry: immediately, or via DELAYED with backoff; stalled recovery)
 * </pre>
 */
public enum JobState {
    /** Ready to run, without a priority (the {@code wait} list). */
    WAITING("waiting"),
    /** Ready to run, ordered by priority. */
    PRIORITIZED("prioritized"),
    /** Waiting for its due time (first run or a retry with backoff). */
    DELAYED("delayed"),
    /** Owned by a worker that holds its lock. */
    ACTIVE("active"),
    /** A parent waiting for its children (flows). */
    WAITING_CHILDREN("waiting-children"),
    /** Finished with a result. Final. */
    COMPLETED("completed"),
    /** Finished with an error. Final unless retried by hand. */
    FAILED("failed"),
    /** Not found in any state set. */
    UNKNOWN("unknown");

    private final String wireName;

    JobState(String wireName) {
        this.wireName = wireName;
    }

    /** BullMQ's name for this state, e.g. {@code waiting-children}. */
    public String wireName() {
        return wireName;
    }

    /** True for states a job leaves only by a manual retry or removal. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }

    /** Parses a BullMQ state name ({@code wait} is accepted for {@code waiting}). */
    public static JobState fromWireName(String name) {
        if ("wait".equals(name) || "paused".equals(name)) {
            return WAITING;
        }
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job state: " + name));
    }
}
