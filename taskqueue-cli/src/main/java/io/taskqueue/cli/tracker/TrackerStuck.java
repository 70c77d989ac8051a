package io.taskqueue.cli.tracker;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.Durations;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.TrackerSession;
import io.taskqueue.postgres.TaskExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code taskqueue tracker stuck}: executions processing for longer than a threshold. */
@Command(name = "stuck", mixinStandardHelpOptions = true,
        description = "Executions processing for longer than --older-than, longest first.")
public final class TrackerStuck extends DatabaseCommand {
    @Option(names = "--older-than", paramLabel = "DURATION", defaultValue = "30m",
            converter = Durations.class,
            description = "Processing for longer than this, e.g. 30m, 2h (default: ${DEFAULT-VALUE}).")
    Duration olderThan;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most N executions (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        List<TaskExecution> stuck = session.reader().history().stuck(olderThan, Math.max(1, limit));
        Instant now = ctx.clock().instant();
        Output.Table table = new Output.Table("EXECUTION", "TASK", "QUEUE", "JOB", "STARTED", "FOR");
        for (TaskExecution e : stuck) {
            table.row(e.executionId(), e.taskId(), e.queueName(), e.jobId(), Cells.time(e.processingStartedAt()),
                    Cells.duration(Duration.between(e.processingStartedAt(), now)));
        }
        ctx.output().print(stuck.stream().map(ExecutionView::of).toList(), table);
        return 0;
    }
}
