package io.taskqueue.cli.job;

import picocli.CommandLine.Command;

/** {@code taskqueue job}: the jobs of one queue. */
@Command(name = "job", description = "List, show, add, retry, cancel, promote and remove jobs.",
        mixinStandardHelpOptions = true,
        subcommands = {JobList.class, JobShow.class, JobAdd.class, JobRetry.class, JobCancel.class, JobPromote.class,
                JobRemove.class})
public final class JobCommand {
}
