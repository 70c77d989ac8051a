package io.taskqueue.cli.scheduler;

import io.taskqueue.JobQueue;
import io.taskqueue.JobScheduler;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.Commands;
import io.taskqueue.cli.queue.KeyValues;
import io.taskqueue.cli.queue.Queues;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue scheduler show QUEUE ID}: one job scheduler in detail. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a job scheduler and the job it produces.")
public final class SchedulerShow implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queueName;

    @Parameters(index = "1", paramLabel = "ID", description = "The scheduler id.")
    String id;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        SchedulerRow row;
        try (JobQueue queue = Queues.existing(ctx, queueName)) {
            row = SchedulerRow.of(find(queue, queueName, id));
        }
        ctx.output().print(row, new KeyValues()
                .add("Scheduler", row.id())
                .add("Queue", queueName)
                .add("Schedule", row.schedule())
                .add("Limit", row.limit() == null ? "none" : row.limit())
                .add("Start", row.startDate())
                .add("End", row.endDate())
                .add("Next", row.next())
                .add("Iterations", row.iterations())
                .add("Job", row.template().name())
                .add("Data", row.template().data())
                .add("Attempts", row.template().attempts())
                .add("Priority", row.template().priority())
                .add("Backoff", row.template().backoff() == null ? "none" : row.template().backoff())
                .toString());
        return 0;
    }

    /** Scheduler {@code id} of {@code queue}, or a message naming the command that lists them. */
    static JobScheduler find(JobQueue queue, String queueName, String id) {
        return queue.schedulers().get(id).orElseThrow(() -> new CliException("queue " + queueName
                + " has no job scheduler '" + id + "' (taskqueue scheduler ls " + queueName + " lists them)"));
    }
}
