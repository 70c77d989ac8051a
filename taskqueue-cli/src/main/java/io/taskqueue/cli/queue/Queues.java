package io.taskqueue.cli.queue;

import io.taskqueue.JobQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;

/**
 * Finds the queue a command names. Only queues the backend lists are opened: a mistyped name then
 * fails with a message instead of showing an empty queue or pausing one that nobody uses.
 */
public final class Queues {
    private Queues() {
    }

    /**
     * Queue {@code name}, when the backend has it.
     *
     * @throws CliException naming the backend and how to list its queues
     */
    public static JobQueue existing(CliContext ctx, String name) {
        if (!ctx.taskQueue().queueNames().contains(name)) {
            throw new CliException("no queue named '" + name + "' on " + ctx.taskQueue().describe()
                    + " (taskqueue queue ls lists them)");
        }
        return ctx.queue(name);
    }
}
