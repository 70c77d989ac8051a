package io.taskqueue.cli.job;

import picocli.CommandLine.Parameters;

/** The {@code QUEUE ID} pair of the commands that act on exactly one job. */
final class JobRef {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Parameters(index = "1", paramLabel = "ID", description = "The job id.")
    String id;
}
