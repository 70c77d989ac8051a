package io.taskqueue.cli.dlq;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.Durations;
import io.taskqueue.cli.TrackerSession;
import io.taskqueue.cli.tracker.Cells;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code taskqueue dlq purge --older-than D}: deletes archived dead letters for good. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Delete archived dead letters archived more than --older-than ago.")
public final class DlqPurge extends DatabaseCommand {
    @Option(names = "--older-than", paramLabel = "DURATION", required = true, converter = Durations.class,
            description = "Archived longer ago than this, e.g. 7d.")
    Duration olderThan;

    /**
     * {@code --json} output.
     *
     * @param purged how many archived entries were deleted
     */
    public record Purged(int purged) {
    }

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        ctx.guardWrite("purge archived dead letters");
        ctx.confirm("delete the dead letters archived more than " + Cells.duration(olderThan) + " ago from " + session.describe());
        int purged = session.reader().deadLetters().purgeArchived(olderThan);
        ctx.output().print(new Purged(purged), "purged " + purged + " archived dead letter" + (purged == 1 ? "" : "s"));
        return 0;
    }
}
