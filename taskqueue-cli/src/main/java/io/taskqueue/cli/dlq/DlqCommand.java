package io.taskqueue.cli.dlq;

import picocli.CommandLine.Command;

/** {@code taskqueue dlq}: the tracker's durable dead-letter queue in Postgres. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "List, inspect, replay, archive and purge the task tracker's dead letters.",
        subcommands = {DlqList.class, DlqShow.class, DlqReplay.class, DlqArchive.class, DlqPurge.class})
public final class DlqCommand {
}
