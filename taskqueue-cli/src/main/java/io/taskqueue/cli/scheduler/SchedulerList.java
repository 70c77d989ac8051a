package io.taskqueue.cli.scheduler;

import io.taskqueue.JobQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.queue.Queues;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue scheduler ls QUEUE}: a queue's job schedulers, the soonest due first. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List a queue's job schedulers (Node-made ones too), the soonest due first.")
public final class SchedulerList implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queueName;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        List<SchedulerRow> rows;
        try (JobQueue queue = Queues.existing(ctx, queueName)) {
            rows = queue.schedulers().list().stream().map(SchedulerRow::of).toList();
        }
        Output.Table table = new Output.Table("ID", "JOB", "SCHEDULE", "NEXT", "ITERATIONS", "LIMIT");
        for (SchedulerRow r : rows) {
            table.row(r.id(), r.template().name(), r.schedule(), r.next(), r.iterations(), r.limit());
        }
        ctx.output().print(rows, table);
        return 0;
    }
}
