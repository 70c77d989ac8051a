package io.taskqueue.cli.workers;

import picocli.CommandLine.Command;

/** {@code taskqueue workers}: the workers connected to the queues. */
@Command(name = "workers", description = "The workers connected to the queues, in every process.",
        mixinStandardHelpOptions = true, subcommands = {WorkersList.class})
public final class WorkersCommand {
}
