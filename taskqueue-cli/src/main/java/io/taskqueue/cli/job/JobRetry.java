package io.taskqueue.cli.job;

import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue job retry}: moves a failed or completed job back to wait. */
@Command(name = "retry", mixinStandardHelpOptions = true, description = "Retry a failed or completed job.")
public final class JobRetry implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Parameters(index = "1", paramLabel = "ID", description = "The job id.")
    String id;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        ctx.guardWrite("retry job " + id + " of queue " + queue);
        JobQueue q = ctx.queue(queue);
        JobState before = q.getState(id);
        if (before == JobState.UNKNOWN) {
            throw SingleJob.notFound(q, id);
        }
        if (!before.isFinal()) {
            throw new CliException("cannot retry job " + id + " of queue " + q.name() + ": it is "
                    + before.wireName() + ", not failed or completed");
        }
        if (!q.retry(id, before)) {
            throw SingleJob.refused(q, id, "retry", "failed or completed");
        }
        JobState after = q.getState(id);
        ctx.output().print(new JobActionResult(q.name(), id, "retried", after.wireName()),
                "retried job " + id + " (was " + before.wireName() + ", now " + after.wireName() + ")");
        return 0;
    }
}
