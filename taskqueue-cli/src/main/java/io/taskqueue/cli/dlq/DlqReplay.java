package io.taskqueue.cli.dlq;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.Progress;
import io.taskqueue.cli.TrackerSession;
import io.taskqueue.postgres.DeadLetter;
import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.DeadLetters;
import io.taskqueue.postgres.ReplayResult;
import io.taskqueue.postgres.TaskStatus;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code taskqueue dlq replay}: puts dead letters back on their queues (on the {@code --url}
 * backend) as new executions of the same tasks: one by id, positions of the listing, or all matching.
 * Asks first; {@code --dry-run} reports without changing anything (and needs no backend).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay dead letters on their queues (needs --url): EXECUTION_ID, --range FROM..TO or --all.")
public final class DlqReplay extends DatabaseCommand {
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\.\\.(\\d+)");

    @Parameters(paramLabel = "EXECUTION_ID", arity = "0..1", description = "The dead letter to replay.")
    UUID executionId;

    @Option(names = "--range", paramLabel = "FROM..TO",
            description = "Positions FROM to TO (0-based, inclusive) of the filtered listing, as dlq ls numbers them.")
    String range;

    @Option(names = "--all", description = "Every matching dead letter, oldest first.")
    boolean all;

    @Option(names = "--max", paramLabel = "N", description = "With --all: at most N.")
    Long max;

    @Option(names = "--dry-run", description = "Report what would be replayed; change nothing.")
    boolean dryRun;

    @Mixin
    DlqFilterOptions filters;

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        int modes = (executionId != null ? 1 : 0) + (range != null ? 1 : 0) + (all ? 1 : 0);
        if (modes != 1) {
            throw new ParameterException(spec.commandLine(), "give one of EXECUTION_ID, --range FROM..TO or --all");
        }
        if (max != null && (!all || max < 1)) {
            throw new ParameterException(spec.commandLine(), "--max takes a number of at least 1, with --all");
        }
        if (!dryRun) {
            // Refused here under --read-only, before the database is even opened.
            ctx.guardWrite("replay dead letters");
        }
        return executionId != null ? one(ctx, session) : many(ctx, session);
    }

    private int one(CliContext ctx, TrackerSession session) {
        DeadLetter letter = session.reader().deadLetters().inspect(executionId)
                .filter(l -> l.execution().status() == TaskStatus.DLQ).orElseThrow(() -> new CliException(
                        executionId + " is not in the dead-letter queue of " + session.describe()));
        String what = "dead letter " + executionId + " of task " + letter.execution().taskId() + " on queue "
                + letter.execution().queueName();
        if (dryRun) {
            ctx.output().print(ReplayView.of(new ReplayResult(true, List.of(new ReplayResult.Entry(
                    executionId, letter.execution().taskId(), ReplayResult.Action.REPLAYED, null, null, null)))),
                    "would replay " + what);
            return 0;
        }
        ctx.confirm("replay " + what);
        ReplayResult.Entry entry = session.replayingDeadLetters().replay(executionId).entries().get(0);
        if (entry.action() != ReplayResult.Action.REPLAYED) {
            throw new CliException("did not replay " + executionId + ": " + entry.reason());
        }
        ctx.output().print(ReplayView.of(new ReplayResult(false, List.of(entry))),
                "replayed " + executionId + " as " + entry.newExecutionId());
        return 0;
    }

    private int many(CliContext ctx, TrackerSession session) {
        DeadLetterFilter filter = filters.filter(false, ctx.clock());
        long from = 0;
        long count;
        if (range != null) {
            Matcher m = RANGE.matcher(range);
            if (!m.matches() || Long.parseLong(m.group(2)) < Long.parseLong(m.group(1))) {
                throw new ParameterException(spec.commandLine(), "--range takes FROM..TO with FROM <= TO, e.g. 0..9");
            }
            from = Long.parseLong(m.group(1));
            count = Long.parseLong(m.group(2)) - from + 1;
        } else {
            count = max == null ? Long.MAX_VALUE : max;
        }
        long matching = session.reader().deadLetters().count(filter);
        // Never more than the person confirmed, even if dead letters arrive meanwhile.
        long total = Math.max(0, Math.min(count, matching - from));
        String what = total + " dead letter" + (total == 1 ? "" : "s") + " (" + filters.describe()
                + (range != null ? ", positions " + range : "") + ")";
        if (!dryRun && total > 0) {
            ctx.confirm("replay " + what);
        }
        DeadLetters deadLetters = dryRun ? session.reader().deadLetters() : session.replayingDeadLetters();
        ReplayResult result;
        try (Progress progress = ctx.progress(dryRun ? "checking" : "replaying", total)) {
            result = total == 0 ? new ReplayResult(dryRun, List.of())
                    : BatchedReplay.run(deadLetters, filter, from, total, dryRun, progress);
        }
        ReplayView view = ReplayView.of(result);
        Output.Table table = new Output.Table("EXECUTION", "TASK", "ACTION", "NEW EXECUTION", "REASON");
        view.entries().forEach(e -> table.row(e.executionId(), e.taskId(),
                dryRun && e.action().equals("replayed") ? "would replay" : e.action(), e.newExecutionId(), e.reason()));
        ctx.output().print(view, table);
        if (!ctx.json()) {
            ctx.err().println((dryRun ? "would replay " : "replayed ") + view.replayed() + ", skipped " + view.skipped());
        }
        return 0;
    }
}
