package io.taskqueue.cli.queue;

import picocli.CommandLine.Command;

/** {@code taskqueue queue}: the queues of the backend. */
@Command(name = "queue", description = "List, inspect, pause, resume, drain, clean and obliterate queues.",
        mixinStandardHelpOptions = true, subcommands = {QueueList.class, QueueInspect.class, QueuePause.class,
            QueueResume.class, QueueDrain.class, QueueClean.class, QueueObliterate.class})
public final class QueueCommand {
}
