package io.taskqueue.cli.job;

import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * Which jobs {@code retry} and {@code remove} act on: one job by id, or every job in a state
 * ({@code --state}, optionally {@code --name}), with {@code --dry-run} and the batch size of the
 * bulk form.
 */
final class JobSelection {
    /** Jobs read and acted on per round of a bulk operation. */
    static final int DEFAULT_BATCH = 1_000;
    private static final int MAX_BATCH = 10_000;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Parameters(index = "1", paramLabel = "ID", arity = "0..1", description = "One job; or use --state for many.")
    String id;

    @Option(names = "--state", paramLabel = "STATE", converter = StateConverter.class,
            description = "Every job in this state (asks first, with the count).")
    JobState state;

    @Option(names = "--name", paramLabel = "NAME", description = "With --state: only jobs with this name.")
    String name;

    @Option(names = "--dry-run", description = "With --state: count what would be done and change nothing.")
    boolean dryRun;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + DEFAULT_BATCH,
            description = "With --state: jobs per round trip, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int batchSize;

    /** True for the bulk form; checks that exactly one form was asked for. */
    boolean bulk(CommandSpec spec) {
        if ((id == null) == (state == null)) {
            throw new ParameterException(spec.commandLine(), "give either a job ID or --state STATE");
        }
        if (state == null && (name != null || dryRun)) {
            throw new ParameterException(spec.commandLine(), "--name and --dry-run go with --state");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new ParameterException(spec.commandLine(), "--batch-size must lie in [1, " + MAX_BATCH + "]: "
                    + batchSize);
        }
        return state != null;
    }

    /**
     * Asks before {@code verb} changes what this selection names (one job, or every job of the
     * state), unless it is a dry run; refuses under {@code --read-only}.
     */
    void guardWrite(CliContext ctx, String verb) {
        if (dryRun) {
            return;
        }
        ctx.guardWrite(state != null ? verb + " the " + state.wireName() + " jobs of queue " + queue
                : verb + " job " + id + " of queue " + queue);
    }
}
