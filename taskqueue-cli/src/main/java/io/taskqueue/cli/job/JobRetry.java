package io.taskqueue.cli.job;

import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code taskqueue job retry}: moves one failed or completed job, or all of a state, back to wait. */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = "Retry one failed or completed job, or every job of --state failed|completed.")
public final class JobRetry implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobSelection selection;

    @Override
    public Integer call() {
        boolean bulk = selection.bulk(spec);
        if (bulk && !selection.state.isFinal()) {
            throw new ParameterException(spec.commandLine(),
                    "only failed or completed jobs can be retried, not --state " + selection.state.wireName());
        }
        CliContext ctx = Commands.context(spec);
        selection.guardWrite(ctx, "retry");
        JobQueue queue = ctx.queue(selection.queue);
        return bulk ? retryAll(ctx, queue) : retryOne(ctx, queue, selection.id);
    }

    private int retryOne(CliContext ctx, JobQueue queue, String id) {
        JobState before = queue.getState(id);
        if (before == JobState.UNKNOWN) {
            throw SingleJob.notFound(queue, id);
        }
        if (!before.isFinal()) {
            throw new CliException("cannot retry job " + id + " of queue " + queue.name() + ": it is "
                    + before.wireName() + ", not failed or completed");
        }
        if (!queue.retry(id, before)) {
            throw SingleJob.refused(queue, id, "retry", "failed or completed");
        }
        JobState after = queue.getState(id);
        ctx.output().print(new JobActionResult(queue.name(), id, "retried", after.wireName()),
                "retried job " + id + " (was " + before.wireName() + ", now " + after.wireName() + ")");
        return 0;
    }

    private int retryAll(CliContext ctx, JobQueue queue) {
        JobState state = selection.state;
        BulkOperation operation = new BulkOperation(ctx, queue, selection);
        BulkResult result = operation.run(Verb.RETRY, selection.dryRun, (q, job) ->
                q.retry(job.id(), state) ? BulkOperation.Outcome.DONE : operation.stayedOrGone(job.id()));
        return BulkReport.print(ctx, result, Verb.RETRY, state);
    }
}
