package io.taskqueue.cli.job;

import io.taskqueue.JobQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue job promote}: runs a delayed job now. */
@Command(name = "promote", mixinStandardHelpOptions = true, description = "Run a delayed job now.")
public final class JobPromote implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Parameters(index = "1", paramLabel = "ID", description = "The job id.")
    String id;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        ctx.guardWrite("promote job " + id + " of queue " + queue);
        JobQueue q = ctx.queue(queue);
        if (!q.promote(id)) {
            throw SingleJob.refused(q, id, "promote", "delayed");
        }
        String now = q.getState(id).wireName();
        ctx.output().print(new JobActionResult(q.name(), id, "promoted", now), "promoted job " + id + " (now " + now + ")");
        return 0;
    }
}
