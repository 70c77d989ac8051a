package io.taskqueue.cli.tracker;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.TrackerSession;
import io.taskqueue.postgres.DuplicateStats;
import io.taskqueue.postgres.TaskHistory;
import io.taskqueue.postgres.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code taskqueue tracker stats}: executions by status per queue, failures by category, duplicates kept out. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Executions by status per queue, failures by category, duplicate work prevented.")
public final class TrackerStats extends DatabaseCommand {
    @Option(names = "--queue", paramLabel = "QUEUE", description = "Only this queue (default: every queue).")
    String queue;

    /**
     * {@code --json} output.
     *
     * @param queues executions by status, per queue
     * @param failuresByCategory failed and dead executions by category name
     * @param enqueuesPrevented enqueues turned away as duplicates
     * @param tasksWithSeveralExecutions tasks that ran more than once (retries, replays)
     */
    public record Stats(List<QueueCounts> queues, Map<String, Long> failuresByCategory, long enqueuesPrevented,
            long tasksWithSeveralExecutions) {
    }

    /**
     * One queue's executions.
     *
     * @param queue the queue
     * @param counts executions by status (queued, processing, completed, failed, dlq, archived)
     */
    public record QueueCounts(String queue, Map<String, Long> counts) {
    }

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        TaskHistory history = session.reader().history();
        List<String> queues = queue != null ? List.of(queue) : session.queueNames();
        Output.Table byStatus = new Output.Table("QUEUE", "QUEUED", "PROCESSING", "COMPLETED", "FAILED", "DLQ",
                "ARCHIVED");
        List<QueueCounts> counts = new ArrayList<>();
        for (String name : queues) {
            Map<TaskStatus, Long> stats = history.queueStats(name);
            Map<String, Long> byName = new LinkedHashMap<>();
            stats.forEach((status, n) -> byName.put(status.wireName(), n));
            counts.add(new QueueCounts(name, byName));
            byStatus.row(name, stats.get(TaskStatus.QUEUED), stats.get(TaskStatus.PROCESSING),
                    stats.get(TaskStatus.COMPLETED), stats.get(TaskStatus.FAILED), stats.get(TaskStatus.DLQ),
                    stats.get(TaskStatus.ARCHIVED));
        }
        Map<String, Long> failures = history.failuresByCategory(queue);
        Output.Table byCategory = new Output.Table("CATEGORY", "FAILURES");
        failures.forEach(byCategory::row);
        DuplicateStats duplicates = history.duplicates(queue);
        // Claims refused are counted in memory by a running tracker, so a tool never sees any: left out.
        Output.Table duplicateWork = new Output.Table("DUPLICATES", "COUNT")
                .row("enqueues prevented", duplicates.enqueuesPrevented())
                .row("tasks with several executions", duplicates.tasksWithSeveralExecutions());
        Sections.print(ctx, new Stats(counts, failures, duplicates.enqueuesPrevented(),
                duplicates.tasksWithSeveralExecutions()), byStatus, byCategory, duplicateWork);
        return 0;
    }
}
