package io.taskqueue.cli.tracker;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.Durations;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.TrackerSession;
import io.taskqueue.postgres.Orphan;
import io.taskqueue.postgres.TaskExecution;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code taskqueue tracker reconcile QUEUE}: executions the tracker believes are processing while
 * the queue (on the {@code --url} backend) does not hold their job as active. Reads both, changes nothing.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Executions processing in the tracker whose job is not active in the queue (needs --url).")
public final class TrackerReconcile extends DatabaseCommand {
    @Parameters(paramLabel = "QUEUE", description = "The queue to compare with the tracker.")
    String queue;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "1m", converter = Durations.class,
            description = "Ignore executions claimed less than this long ago (their outcome may be on its way;"
                    + " default: ${DEFAULT-VALUE}).")
    Duration grace;

    /**
     * {@code --json} output: one orphan.
     *
     * @param execution the tracker's row
     * @param queueState the job's state in the queue now ({@code unknown} when it is gone)
     */
    public record OrphanView(ExecutionView execution, String queueState) {
    }

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        List<Orphan> orphans = session.reader().history().reconcile(ctx.queue(queue), grace);
        Output.Table table = new Output.Table("EXECUTION", "TASK", "JOB", "STARTED", "QUEUE STATE");
        for (Orphan o : orphans) {
            TaskExecution e = o.execution();
            table.row(e.executionId(), e.taskId(), e.jobId(), Cells.time(e.processingStartedAt()),
                    o.queueState().wireName());
        }
        ctx.output().print(orphans.stream().map(o -> new OrphanView(ExecutionView.of(o.execution()),
                o.queueState().wireName())).toList(), table);
        return 0;
    }
}
