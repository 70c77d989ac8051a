package io.taskqueue.cli.dlq;

import io.taskqueue.postgres.ReplayResult;
import java.util.List;
import java.util.Locale;

/**
 * {@code dlq replay --json} output.
 *
 * @param dryRun true when nothing was changed
 * @param replayed how many were (or would be) replayed
 * @param skipped how many were not (task in flight, taken by another call, not in the queue)
 * @param entries one per dead letter considered, in listing order
 */
public record ReplayView(boolean dryRun, long replayed, long skipped, List<Entry> entries) {

    static ReplayView of(ReplayResult result) {
        // A replay by hand needs no reason (the tracker's says only which call made it); a skip does.
        List<Entry> entries = result.entries().stream().map(e -> new Entry(e.deadLetter().toString(), e.taskId(),
                e.action().name().toLowerCase(Locale.ROOT),
                e.newExecutionId() == null ? null : e.newExecutionId().toString(),
                e.action() == ReplayResult.Action.REPLAYED ? null : e.reason())).toList();
        return new ReplayView(result.dryRun(), result.replayedCount(),
                result.entries().size() - result.replayedCount(), entries);
    }

    /**
     * One dead letter's fate.
     *
     * @param executionId the dead letter
     * @param taskId its task
     * @param action {@code replayed} or {@code skipped}
     * @param newExecutionId the replay's execution (the new job's id), or {@code null}
     * @param reason why it was skipped, or {@code null} for a replay
     */
    public record Entry(String executionId, String taskId, String action, String newExecutionId, String reason) {
    }
}
