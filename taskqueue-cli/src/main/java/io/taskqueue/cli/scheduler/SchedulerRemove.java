package io.taskqueue.cli.scheduler;

import io.taskqueue.JobQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import io.taskqueue.cli.queue.Queues;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue scheduler remove QUEUE ID}: stops a job scheduler and deletes its pending job. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a job scheduler and its pending job; jobs it produced before stay. Asks first.")
public final class SchedulerRemove implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queueName;

    @Parameters(index = "1", paramLabel = "ID", description = "The scheduler id.")
    String id;

    /**
     * The result in {@code --json} output.
     *
     * @param queue the queue
     * @param scheduler the scheduler removed
     */
    public record RemoveResult(String queue, String scheduler) {
    }

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        String what = "remove job scheduler " + id + " of queue " + queueName;
        ctx.guardWrite(what);
        try (JobQueue queue = Queues.existing(ctx, queueName)) {
            SchedulerRow row = SchedulerRow.of(SchedulerShow.find(queue, queueName, id));
            ctx.confirm(what + " (" + row.schedule() + ", " + row.iterations() + " jobs produced)");
            queue.schedulers().remove(id);
        }
        ctx.output().print(new RemoveResult(queueName, id), "removed job scheduler " + id + " of queue " + queueName);
        return 0;
    }
}
