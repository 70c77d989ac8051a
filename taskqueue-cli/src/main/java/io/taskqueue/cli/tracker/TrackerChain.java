package io.taskqueue.cli.tracker;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.TrackerSession;
import io.taskqueue.postgres.TaskExecution;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code taskqueue tracker chain TASK_ID}: every execution of a task, oldest first. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "Every execution of a task (attempts, retries, replays), oldest first.")
public final class TrackerChain extends DatabaseCommand {
    @Parameters(paramLabel = "TASK_ID", description = "The task, e.g. orders:c-42:o-1001.")
    String taskId;

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        List<TaskExecution> chain = session.reader().history().retryChain(taskId);
        if (chain.isEmpty()) {
            throw new CliException("no executions of task " + taskId + " in " + session.describe());
        }
        Output.Table table = new Output.Table("EXECUTION", "STATUS", "ATTEMPT", "ENQUEUED", "FINISHED", "CATEGORY",
                "REPLAYS", "ERROR");
        for (TaskExecution e : chain) {
            table.row(e.executionId(), e.status().wireName(), e.attempt() + (e.maxAttempts() == null ? ""
                    : "/" + e.maxAttempts()), Cells.time(e.enqueuedAt()),
                    Cells.time(e.completedAt() != null ? e.completedAt() : e.failedAt()), e.errorCategory(),
                    e.replays(), Cells.error(e.errorMessage()));
        }
        ctx.output().print(chain.stream().map(ExecutionView::of).toList(), table);
        return 0;
    }
}
