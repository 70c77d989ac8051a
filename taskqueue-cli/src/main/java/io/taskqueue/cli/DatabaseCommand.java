package io.taskqueue.cli;

import io.taskqueue.postgres.TrackerException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command on the tracker's database: takes {@code --db} and {@code --schema}, and turns the
 * tracker's failures into one line that names the database, so each command states only its work.
 */
public abstract class DatabaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Override
    public final Integer call() {
        CliContext ctx = Commands.context(spec);
        TrackerSession session = ctx.tracker(database);
        try {
            return run(ctx, session);
        } catch (TrackerException e) {
            throw TrackerErrors.of(e, session);
        }
    }

    /**
     * Does the command's work. Writes call {@link CliContext#guardWrite} or {@link CliContext#confirm}
     * before the session's first use, so that {@code --read-only} refuses them before anything is sent.
     *
     * @return the exit status
     */
    protected abstract int run(CliContext ctx, TrackerSession session);
}
