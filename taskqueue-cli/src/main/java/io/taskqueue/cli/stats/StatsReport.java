package io.taskqueue.cli.stats;

import io.taskqueue.cli.Output;
import java.util.List;

/**
 * What {@code taskqueue stats} shows; also its {@code --json} shape (docs/cli.md).
 *
 * @param queues every queue of the backend, sorted by name
 */
public record StatsReport(List<QueueStats> queues) {
    /** The table people read: one row per queue, {@code -} for what the backend cannot tell. */
    public Output.Table table() {
        Output.Table table = new Output.Table("QUEUE", "PAUSED", "WAITING", "PRIORITIZED", "DELAYED", "ACTIVE",
                "COMPLETED", "FAILED", "DONE/MIN", "DONE/HOUR", "FAILED/MIN", "FAILED/HOUR", "WORKERS");
        for (QueueStats q : queues) {
            table.row(q.name(), q.paused() == null ? null : q.paused() ? "yes" : "no", q.counts().get("waiting"),
                    q.counts().get("prioritized"), q.counts().get("delayed"), q.counts().get("active"),
                    q.counts().get("completed"), q.counts().get("failed"),
                    q.completed() == null ? null : q.completed().lastMinute(),
                    q.completed() == null ? null : q.completed().lastHour(),
                    q.failed() == null ? null : q.failed().lastMinute(),
                    q.failed() == null ? null : q.failed().lastHour(), q.workers());
        }
        return table;
    }
}
