package io.taskqueue.cli.queue;

import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import io.taskqueue.cli.Durations;
import io.taskqueue.cli.Progress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code taskqueue queue clean NAME --state STATE --grace DURATION [--limit N]}: removes the jobs of
 * one state that are older than the grace period, in batches so that a large queue never blocks
 * the server for long.
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Remove the jobs in one state older than a grace period (by finish time for completed and"
                + " failed jobs, else by start or creation time). Asks first.")
public final class QueueClean implements Callable<Integer> {
    /** How many jobs one call removes at most. */
    static final int BATCH = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The queue.")
    String name;

    @Option(names = "--state", required = true, paramLabel = "STATE", converter = StateConverter.class,
            description = "completed, failed, waiting, prioritized, delayed, active (unlocked ones only) or"
                    + " waiting-children.")
    JobState state;

    @Option(names = "--grace", required = true, paramLabel = "DURATION", converter = Durations.class,
            description = "Keep the jobs younger than this, e.g. 1h, 30m, 7d, 500ms, PT1H.")
    Duration grace;

    @Option(names = "--limit", paramLabel = "N", description = "Remove at most N jobs (default: all that qualify).")
    Long limit;

    /**
     * The result in {@code --json} output.
     *
     * @param queue the queue
     * @param state the state cleaned (wire name)
     * @param graceMillis the grace period
     * @param removed how many jobs were removed
     */
    public record CleanResult(String queue, String state, long graceMillis, long removed) {
    }

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1: " + limit);
        }
        String what = "clean queue " + name;
        ctx.guardWrite(what);
        JobQueue queue = Queues.existing(ctx, name);
        long inState = queue.counts(state).get(state);
        ctx.confirm(what + " (remove " + (limit == null ? "" : "up to " + limit + " of ") + "its " + state.wireName()
                + " jobs older than " + Durations.format(grace) + "; " + inState + " are " + state.wireName() + ")");
        long removed = clean(ctx, queue, inState);
        ctx.output().print(new CleanResult(name, state.wireName(), grace.toMillis(), removed),
                "cleaned queue " + name + ": " + removed + " " + state.wireName() + " jobs removed");
        return 0;
    }

    private long clean(CliContext ctx, JobQueue queue, long inState) {
        long wanted = limit == null ? Long.MAX_VALUE : limit;
        long removed = 0;
        // One cutoff for the whole run: jobs that age past it while the batches run are kept.
        long start = ctx.taskQueue().clock().millis();
        try (Progress progress = ctx.progress("cleaning", Math.min(inState, wanted))) {
            while (removed < wanted) {
                int batch = (int) Math.min(BATCH, wanted - removed);
                Duration elapsed = Duration.ofMillis(Math.max(0, ctx.taskQueue().clock().millis() - start));
                List<String> ids = queue.clean(grace.plus(elapsed), batch, state);
                removed += ids.size();
                progress.step(ids.size());
                if (ids.size() < batch) {
                    break;
                }
            }
        }
        return removed;
    }

    /** A state by its wire name, as the jobs commands and BullMQ spell it. */
    static final class StateConverter implements ITypeConverter<JobState> {
        @Override
        public JobState convert(String value) {
            try {
                JobState s = JobState.fromWireName(value);
                if (s != JobState.UNKNOWN) {
                    return s;
                }
            } catch (IllegalArgumentException e) {
                // reported below with the accepted names
            }
            throw new TypeConversionException("'" + value + "' is not a job state: use completed, failed, waiting,"
                    + " prioritized, delayed, active or waiting-children");
        }
    }
}
