package io.taskqueue.cli.queue;

import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue queue drain NAME [--delayed]}: removes the jobs that wait to run. */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = "Remove every waiting and prioritized job of a queue (and delayed ones with --delayed);"
                + " active, completed and failed jobs stay. Asks first.")
public final class QueueDrain implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The queue.")
    String name;

    @Option(names = "--delayed", description = "Remove the delayed jobs too.")
    boolean delayed;

    /**
     * The result in {@code --json} output.
     *
     * @param queue the queue
     * @param delayedIncluded whether delayed jobs were removed too
     * @param before the counts of the drained states just before
     */
    public record DrainResult(String queue, boolean delayedIncluded, Map<String, Long> before) {
    }

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        String what = "drain queue " + name;
        ctx.guardWrite(what);
        JobQueue queue = Queues.existing(ctx, name);
        Map<JobState, Long> before = delayed
                ? queue.counts(JobState.WAITING, JobState.PRIORITIZED, JobState.DELAYED)
                : queue.counts(JobState.WAITING, JobState.PRIORITIZED);
        long jobs = before.values().stream().mapToLong(Long::longValue).sum();
        ctx.confirm(what + " (remove its " + jobs + (delayed ? " waiting, prioritized and delayed" : " waiting and prioritized")
                + " jobs)");
        queue.drain(delayed);
        ctx.output().print(new DrainResult(name, delayed, Commands.byWireName(before)),
                "drained queue " + name + ": " + jobs + " jobs removed");
        return 0;
    }
}
