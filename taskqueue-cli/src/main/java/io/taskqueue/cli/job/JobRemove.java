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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code taskqueue job remove}: deletes one job, or every job of a state, after asking. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove one job, or every job of --state, with its data and logs (asks first).")
public final class JobRemove implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobSelection selection;

    @Override
    public Integer call() {
        boolean bulk = selection.bulk(spec);
        CliContext ctx = Commands.context(spec);
        selection.guardWrite(ctx, "remove");
        JobQueue queue = ctx.queue(selection.queue);
        return bulk ? removeAll(ctx, queue) : removeOne(ctx, queue, selection.id);
    }

    private int removeOne(CliContext ctx, JobQueue queue, String id) {
        Job job = SingleJob.require(queue, id);
        JobState state = queue.getState(id);
        ctx.confirm("remove job " + id + " (" + job.name() + ", " + state.wireName() + ") from queue " + queue.name());
        boolean removed;
        try {
            removed = queue.remove(id);
        } catch (InvalidJobStateException e) {
            throw new CliException("cannot remove job " + id + " of queue " + queue.name() + ": " + e.getMessage(), e);
        }
        if (!removed) {
            if (queue.getState(id) == JobState.UNKNOWN) {
                throw SingleJob.notFound(queue, id);
            }
            throw new CliException("cannot remove job " + id + " of queue " + queue.name()
                    + ": a worker holds its lock; try again when it has finished");
        }
        ctx.output().print(new JobActionResult(queue.name(), id, "removed", JobState.UNKNOWN.wireName()),
                "removed job " + id);
        return 0;
    }

    private int removeAll(CliContext ctx, JobQueue queue) {
        BulkOperation operation = new BulkOperation(ctx, queue, selection);
        BulkResult result = operation.run(Verb.REMOVE, selection.dryRun, (q, job) -> {
            try {
                return q.remove(job.id()) ? BulkOperation.Outcome.DONE : operation.stayedOrGone(job.id());
            } catch (InvalidJobStateException e) {
                // e.g. the current job of a scheduler: it stays, and the count of those left says so
                return operation.stayedOrGone(job.id());
            }
        });
        return BulkReport.print(ctx, result, Verb.REMOVE, selection.state);
    }
}
