package io.taskqueue.cli.dlq;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.TrackerSession;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code taskqueue dlq archive EXECUTION_ID}: takes a dead letter out of the queue without replaying it. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Archive a dead letter without replaying it (purge deletes archived ones later).")
public final class DlqArchive extends DatabaseCommand {
    @Parameters(paramLabel = "EXECUTION_ID", description = "The dead letter to archive.")
    UUID executionId;

    /**
     * {@code --json} output.
     *
     * @param archived the execution archived
     */
    public record Archived(String archived) {
    }

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        ctx.guardWrite("archive dead letter " + executionId);
        if (!session.reader().deadLetters().archive(executionId)) {
            throw new CliException(executionId + " is not in the dead-letter queue of " + session.describe());
        }
        ctx.output().print(new Archived(executionId.toString()), "archived " + executionId);
        return 0;
    }
}
