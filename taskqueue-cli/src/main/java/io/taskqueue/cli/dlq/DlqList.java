package io.taskqueue.cli.dlq;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.DatabaseCommand;
import io.taskqueue.cli.Output;
import io.taskqueue.cli.TrackerSession;
import io.taskqueue.cli.tracker.Cells;
import io.taskqueue.postgres.DeadLetter;
import io.taskqueue.postgres.DeadLetterPage;
import io.taskqueue.postgres.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code taskqueue dlq ls}: one page of dead letters, oldest failure first, and where the next starts. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List dead letters, oldest failure first, a page at a time (--cursor for the next).")
public final class DlqList extends DatabaseCommand {
    @Mixin
    DlqFilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", description = "Entries per page (default: ${DEFAULT-VALUE}).")
    int limit = DeadLetters.DEFAULT_PAGE_SIZE;

    @Option(names = "--cursor", paramLabel = "CURSOR", converter = DlqCursor.Converter.class,
            description = "Start where the previous page ended (its 'next').")
    DlqCursor cursor;

    @Option(names = "--archived", description = "Also list archived entries (replayed or archived by hand).")
    boolean archived;

    /**
     * {@code --json} output.
     *
     * @param items the page's dead letters
     * @param next the cursor of the next page, or {@code null} on the last page
     */
    public record Page(List<DeadLetterRow> items, String next) {
    }

    @Override
    protected int run(CliContext ctx, TrackerSession session) {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        DeadLetterPage page = session.reader().deadLetters().list(filters.filter(archived, ctx.clock()),
                cursor == null ? null : cursor.keyset(), limit);
        long first = cursor == null ? 0 : cursor.position();
        List<DeadLetterRow> rows = new ArrayList<>();
        Output.Table table = new Output.Table("#", "EXECUTION", "TASK", "QUEUE", "CATEGORY", "FAILED", "ATTEMPT",
                "ERROR");
        for (DeadLetter letter : page.items()) {
            DeadLetterRow row = DeadLetterRow.of(first + rows.size(), letter);
            rows.add(row);
            table.row(row.position(), row.executionId(), row.taskId(), row.queue(), row.category(),
                    Cells.time(letter.execution().failedAt()), attempts(row), Cells.error(row.error()));
        }
        String next = page.next() == null ? null : new DlqCursor(first + rows.size(), page.next()).toString();
        ctx.output().print(new Page(rows, next), table);
        if (next != null && !ctx.json()) {
            ctx.err().println("more: add --cursor " + next + " (same filters) for the next page");
        }
        return 0;
    }

    private static String attempts(DeadLetterRow row) {
        return row.attempt() + (row.maxAttempts() == null ? "" : "/" + row.maxAttempts());
    }
}
