package io.taskqueue.postgres;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a replay did (or, for a dry run, would do), entry by entry.
 *
 * @param dryRun true when nothing was changed
 * @param entries one per dead letter considered, in listing order
 */
public record ReplayResult(boolean dryRun, List<Entry> entries) {
    public ReplayResult {
        entries = List.copyOf(entries);
    }

    /** How many entries were (or would be) replayed. */
    public long replayedCount() {
        return entries.stream().filter(e -> e.action() == Action.REPLAYED).count();
    }

    /** How many entries were (or would be) archived. */
    public long archivedCount() {
        return entries.stream().filter(e -> e.action() == Action.ARCHIVED).count();
    }

    /** What happened to one dead letter. */
    public enum Action {
        /** Put back on its queue as a new execution of the same task. */
        REPLAYED,
        /** Archived without a replay. */
        ARCHIVED,
        /** Left in the dead-letter queue for a person. */
        KEPT,
        /** Not replayed: the task is already queued or processing, or another replay took the entry. */
        SKIPPED
    }

    /**
     * One dead letter's fate.
     *
     * @param deadLetter the dead letter's execution id
     * @param taskId its task
     * @param action what was (or would be) done
     * @param newExecutionId the replay's execution, or {@code null}
     * @param delay the replay's delay, or {@code null}
     * @param reason why, in words
     */
    public record Entry(UUID deadLetter, String taskId, Action action, UUID newExecutionId, Duration delay,
            String reason) {
        public Entry {
            Objects.requireNonNull(deadLetter, "deadLetter");
            Objects.requireNonNull(action, "action");
        }
    }
}
