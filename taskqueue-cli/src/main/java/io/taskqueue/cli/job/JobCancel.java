package io.taskqueue.cli.job;

import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    JobRef ref;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        ctx.guardWrite("cancel job " + ref.id + " of queue " + ref.queue);
        JobQueue q = ctx.queue(ref.queue);
        JobState before = q.getState(ref.id);
        if (before == JobState.UNKNOWN) {
            throw SingleJob.notFound(q, ref.id);
        }
        if (!q.cancel(ref.id)) {
            throw SingleJob.refused(q, ref.id, "cancel", "waiting, delayed or active");
        }
        JobState after = q.getState(ref.id);
        if (before == JobState.ACTIVE) {
            ctx.output().print(new JobActionResult(q.name(), ref.id, "cancel-requested", after.wireName()),
                    "asked the worker running job " + ref.id + " to cancel it; it ends failed with reason 'cancelled'");
        } else {
            ctx.output().print(new JobActionResult(q.name(), ref.id, "cancelled", after.wireName()),
                    "cancelled job " + ref.id + " (was " + before.wireName() + ", now " + after.wireName() + ")");
        }
        return 0;
    }
}
