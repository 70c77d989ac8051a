package io.taskqueue.cli.tracker;

import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Output;

/** Prints a result that people read as several tables (blank lines between) and scripts as one JSON document. */
public final class Sections {
    private Sections() {
    }

    /** {@code value} as JSON with --json; else each table, a blank line between two. */
    public static void print(CliContext ctx, Object value, Output.Table... tables) {
        if (ctx.json()) {
            ctx.output().print(value, (Output.Table) null);
            return;
        }
        for (int i = 0; i < tables.length; i++) {
            if (i > 0) {
                ctx.output().print(null, "");
            }
            ctx.output().print(null, tables[i]);
        }
    }
}
