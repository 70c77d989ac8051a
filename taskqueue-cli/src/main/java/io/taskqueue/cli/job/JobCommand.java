package io.taskqueue.cli.job;

import picocli.CommandLine.Command;

/** {@code taskqueue job}: the jobs of one queue. */
@Command(name = "job", description = "List and show jobs.", mixinStandardHelpOptions = true,
        subcommands = {JobList.class, JobShow.class})
public final class JobCommand {
}
