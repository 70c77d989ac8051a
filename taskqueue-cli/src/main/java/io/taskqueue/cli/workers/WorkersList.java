package io.taskqueue.cli.workers;

import io.taskqueue.Capability;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.Commands;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.queue.Queues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue workers ls [QUEUE]}: the workers connected to one queue, or to every queue. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List the workers connected to a queue, or to every queue (Node BullMQ workers too).")
public final class WorkersList implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUEUE", description = "Only this queue.")
    String queueName;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        TaskQueue taskQueue = ctx.taskQueue();
        if (!taskQueue.capabilities().contains(Capability.WORKERS)) {
            throw new CliException("the " + taskQueue.describe() + " backend cannot list workers");
        }
        List<String> names = queueName == null ? taskQueue.queueNames() : List.of(queueName);
        List<WorkerRow> rows = new ArrayList<>();
        for (String name : names) {
            try (JobQueue queue = queueName == null ? ctx.queue(name) : Queues.existing(ctx, name)) {
                queue.workers().stream().map(w -> WorkerRow.of(name, w))
                        .sorted(Comparator.comparing(WorkerRow::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(WorkerRow::id))
                        .forEach(rows::add);
            }
        }
        Output.Table table = new Output.Table("QUEUE", "NAME", "ID", "ADDRESS", "CONNECTED SINCE", "IDLE");
        for (WorkerRow r : rows) {
            table.row(r.queue(), r.name(), r.id(), r.address(), r.connectedSince(),
                    r.idleSeconds() == null ? null : r.idleSeconds() + "s");
        }
        ctx.output().print(rows, table);
        return 0;
    }
}
