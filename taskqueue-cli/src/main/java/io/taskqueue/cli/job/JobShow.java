package io.taskqueue.cli.job;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code taskqueue job show}: everything about one job. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one job: state, data, options, attempts, progress, result, stack traces and logs.")
public final class JobShow implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobRef ref;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        JobQueue q = ctx.queue(ref.queue);
        Job job = SingleJob.require(q, ref.id);
        JobDetails details = JobDetails.of(q.name(), job, q.getState(ref.id), q.getLogs(ref.id));
        ctx.output().print(details, JobDetailsText.of(details));
        return 0;
    }
}
