package io.taskqueue.cli.queue;

import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import io.taskqueue.cli.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code taskqueue queue ls}: every queue with its counts by state. */
@Command(name = "ls", description = "List the queues with their counts by state.", mixinStandardHelpOptions = true)
public final class QueueList implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /**
     * One queue in {@code --json} output.
     *
     * @param name the queue
     * @param counts jobs by state (wire names: waiting, active, ...)
     */
    public record QueueRow(String name, Map<String, Long> counts) {
    }

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        List<QueueRow> rows = new ArrayList<>();
        Output.Table table = new Output.Table("QUEUE", "WAITING", "PRIORITIZED", "DELAYED", "ACTIVE", "COMPLETED",
                "FAILED");
        for (String name : ctx.taskQueue().queueNames()) {
            JobQueue queue = ctx.queue(name);
            Map<JobState, Long> counts = queue.counts();
            rows.add(new QueueRow(name, Commands.byWireName(counts)));
            table.row(name, counts.get(JobState.WAITING), counts.get(JobState.PRIORITIZED), counts.get(JobState.DELAYED),
                    counts.get(JobState.ACTIVE), counts.get(JobState.COMPLETED), counts.get(JobState.FAILED));
        }
        ctx.output().print(rows, table);
        return 0;
    }
}
