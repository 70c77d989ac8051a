package io.taskqueue.cli.scheduler;

import picocli.CommandLine.Command;

/** {@code taskqueue scheduler}: the job schedulers of a queue. */
@Command(name = "scheduler", description = "List, show and remove the job schedulers of a queue.",
        mixinStandardHelpOptions = true, subcommands = {SchedulerList.class, SchedulerShow.class, SchedulerRemove.class})
public final class SchedulerCommand {
}
