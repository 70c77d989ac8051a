package io.taskqueue.cli.job;

import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code taskqueue job cancel}: a waiting or delayed job fails at once with reason
 * {@code cancelled}; a running one's worker is asked to stop it.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a job: a waiting or delayed one fails now (reason 'cancelled'); "
                + "the worker running an active one is asked to stop it.")
public final class JobCancel implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Parameters(index = "1", paramLabel = "ID", description = "The job id.")
    String id;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        ctx.guardWrite("cancel job " + id + " of queue " + queue);
        JobQueue q = ctx.queue(queue);
        JobState before = q.getState(id);
        if (before == JobState.UNKNOWN) {
            throw SingleJob.notFound(q, id);
        }
        if (!q.cancel(id)) {
            throw SingleJob.refused(q, id, "cancel", "waiting, delayed or active");
        }
        JobState after = q.getState(id);
        if (before == JobState.ACTIVE) {
            ctx.output().print(new JobActionResult(q.name(), id, "cancel-requested", after.wireName()),
                    "asked the worker running job " + id + " to cancel it; it ends failed with reason 'cancelled'");
        } else {
            ctx.output().print(new JobActionResult(q.name(), id, "cancelled", after.wireName()),
                    "cancelled job " + id + " (was " + before.wireName() + ", now " + after.wireName() + ")");
        }
        return 0;
    }
}
