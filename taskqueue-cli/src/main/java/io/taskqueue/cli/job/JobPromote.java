package io.taskqueue.cli.job;

import io.taskqueue.JobQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code taskqueue job promote}: runs a delayed job now. */
@Command(name = "promote", mixinStandardHelpOptions = true, description = "Run a delayed job now.")
public final class JobPromote implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobRef ref;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        ctx.guardWrite("promote job " + ref.id + " of queue " + ref.queue);
        JobQueue q = ctx.queue(ref.queue);
        if (!q.promote(ref.id)) {
            throw SingleJob.refused(q, ref.id, "promote", "delayed");
        }
        String now = q.getState(ref.id).wireName();
        ctx.output().print(new JobActionResult(q.name(), ref.id, "promoted", now), "promoted job " + ref.id + " (now " + now + ")");
        return 0;
    }
}
