package io.taskqueue.cli.tracker;

import picocli.CommandLine.Command;

/** {@code taskqueue tracker}: what the task tracker recorded in Postgres. */
@Command(name = "tracker", mixinStandardHelpOptions = true,
        description = "Read the task tracker: statistics, retry chains, stuck and orphaned executions.",
        subcommands = {TrackerStats.class, TrackerChain.class, TrackerStuck.class, TrackerReconcile.class})
public final class TrackerCommand {
}
