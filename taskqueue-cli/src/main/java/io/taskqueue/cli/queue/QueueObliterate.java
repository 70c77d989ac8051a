package io.taskqueue.cli.queue;

import io.taskqueue.InvalidJobStateException;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue queue obliterate NAME [--force]}: deletes the queue and everything in it. */
@Command(name = "obliterate", mixinStandardHelpOptions = true,
        description = "Pause a queue and delete it with all its jobs, schedulers, settings and metrics."
                + " Refused while jobs are active unless --force. Asks first.")
public final class QueueObliterate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The queue.")
    String name;

    @Option(names = "--force", description = "Delete it even while jobs are active (their workers lose them).")
    boolean force;

    /**
     * The result in {@code --json} output.
     *
     * @param queue the queue, now gone
     * @param jobs how many jobs it held just before
     */
    public record ObliterateResult(String queue, long jobs) {
    }

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        String what = "obliterate queue " + name;
        ctx.guardWrite(what);
        JobQueue queue = Queues.existing(ctx, name);
        long jobs = queue.counts().values().stream().mapToLong(Long::longValue).sum();
        long active = queue.counts(JobState.ACTIVE).get(JobState.ACTIVE);
        if (active > 0 && !force) {
            // Checked before asking, so nobody confirms something that cannot happen.
            throw new CliException("queue " + name + " has " + active + " active jobs: obliterate it with --force"
                    + " (their workers lose them), or wait until they finish");
        }
        ctx.confirm(what + " (delete it and its " + jobs + " jobs for good)");
        try {
            queue.obliterate(force);
        } catch (InvalidJobStateException e) {
            throw new CliException("cannot obliterate queue " + name + ": " + e.getMessage(), e);
        }
        ctx.output().print(new ObliterateResult(name, jobs), "obliterated queue " + name + " (" + jobs + " jobs)");
        return 0;
    }
}
