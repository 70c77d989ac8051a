package io.taskqueue.cli.job;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.Job;
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

/** {@code taskqueue job remove}: deletes a job with its data and logs, after asking. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a job with its data and logs (asks first).")
public final class JobRemove implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Parameters(index = "1", paramLabel = "ID", description = "The job id.")
    String id;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        ctx.guardWrite("remove job " + id + " of queue " + queue);
        JobQueue q = ctx.queue(queue);
        Job job = SingleJob.require(q, id);
        JobState state = q.getState(id);
        ctx.confirm("remove job " + id + " (" + job.name() + ", " + state.wireName() + ") from queue " + q.name());
        boolean removed;
        try {
            removed = q.remove(id);
        } catch (InvalidJobStateException e) {
            throw new CliException("cannot remove job " + id + " of queue " + q.name() + ": " + e.getMessage(), e);
        }
        if (!removed) {
            if (q.getState(id) == JobState.UNKNOWN) {
                throw SingleJob.notFound(q, id);
            }
            throw new CliException("cannot remove job " + id + " of queue " + q.name()
                    + ": a worker holds its lock; try again when it has finished");
        }
        ctx.output().print(new JobActionResult(q.name(), id, "removed", JobState.UNKNOWN.wireName()),
                "removed job " + id);
        return 0;
    }
}
