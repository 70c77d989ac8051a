package io.taskqueue.cli.job;

import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import io.taskqueue.cli.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue job ls}: one page of the jobs in a state, with the cursor of the next page. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List a page of the jobs in one state, oldest first (delayed: soonest due; prioritized: "
                + "highest priority), with the cursor of the next page.")
public final class JobList implements Callable<Integer> {
    /** The largest page. */
    static final int MAX_LIMIT = 1_000;
    private static final int REASON_COLUMN = 60;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue.")
    String queue;

    @Option(names = "--state", required = true, paramLabel = "STATE", converter = StateConverter.class,
            description = "waiting, prioritized, delayed, active, waiting-children, completed or failed.")
    JobState state;

    @Option(names = "--name", paramLabel = "NAME", description = "Only jobs with this name (scans forward to fill the page).")
    String name;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Jobs per page, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", defaultValue = "0",
            description = "Where to start: the cursor printed after the previous page (default: the start).")
    String cursor;

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit must lie in [1, " + MAX_LIMIT + "]: " + limit);
        }
        long start = parseCursor();
        CliContext ctx = Commands.context(spec);
        JobPage page = new JobPager(ctx.queue(queue), state, name).page(start, limit);
        Output.Table table = new Output.Table("ID", "NAME", "STATE", "ATTEMPTS", "CREATED", "PROCESSED", "FINISHED",
                "FAILED REASON");
        for (JobSummary job : page.jobs()) {
            table.row(job.id(), job.name(), job.state(), job.attemptsMade() + "/" + job.attempts(),
                    Texts.time(job.timestamp()), Texts.time(job.processedOn()), Texts.time(job.finishedOn()),
                    Texts.trim(job.failedReason(), REASON_COLUMN));
        }
        ctx.output().print(page, table);
        if (!ctx.json()) {
            ctx.output().print(page, footer(page));
        }
        return 0;
    }

    private long parseCursor() {
        try {
            long position = Long.parseLong(cursor);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(),
                "invalid --cursor '" + cursor + "': pass the cursor printed after the previous page");
    }

    /** What a person needs after the table: how much was read, and how to get the next page. */
    private static String footer(JobPage page) {
        StringBuilder line = new StringBuilder();
        line.append(Texts.jobs(page.jobs().size())).append(" of ").append(Texts.count(page.total())).append(' ')
                .append(page.state());
        if (page.name() != null) {
            line.append(" (named '").append(page.name()).append("'; scanned ").append(Texts.count(page.scanned()))
                    .append(')');
        }
        line.append(page.nextCursor() == null ? "; no more pages" : "; next page: --cursor " + page.nextCursor());
        return line.toString();
    }
}
