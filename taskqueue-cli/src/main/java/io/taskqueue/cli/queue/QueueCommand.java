package io.taskqueue.cli.queue;

import picocli.CommandLine.Command;

/** {@code taskqueue queue}: the queues of the backend. */
@Command(name = "queue", description = "List, inspect, pause, resume, drain, clean and obliterate queues.",
        mixinStandardHelpOptions = true, subcommands = {QueueList.class})
public final class QueueCommand {
}
