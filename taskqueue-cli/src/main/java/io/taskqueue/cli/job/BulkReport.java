package io.taskqueue.cli.job;

import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.TaskqueueCli;

/** The one-line reports of a bulk operation, and its exit status. */
final class BulkReport {
    private BulkReport() {
    }

    /**
     * Prints the result; when jobs were left in the state, also says so on standard error and
     * returns {@link TaskqueueCli#FAILED}, so that a script notices an incomplete operation.
     */
    static int print(CliContext ctx, BulkResult r, Verb verb, JobState state) {
        ctx.output().print(r, summary(r, verb, state));
        if (r.left() == 0) {
            return TaskqueueCli.OK;
        }
        ctx.err().println("taskqueue: " + jobs(r.left(), state, r.name()) + " of queue " + r.queue()
                + " could not be " + verb.past() + " (locked by a worker or refused)");
        ctx.err().flush();
        return TaskqueueCli.FAILED;
    }

    /** {@code 1,234 failed jobs named 'send'}. */
    static String jobs(long n, JobState state, String name) {
        return Texts.count(n) + " " + state.wireName() + (n == 1 ? " job" : " jobs")
                + (name == null ? "" : " named '" + name + "'");
    }

    /** What happened, or with a dry run what would have. */
    static String summary(BulkResult r, Verb verb, JobState state) {
        String what = jobs(r.matched(), state, r.name()) + " of queue " + r.queue();
        if (r.matched() == 0) {
            return "no " + state.wireName() + " jobs" + (r.name() == null ? "" : " named '" + r.name() + "'")
                    + " in queue " + r.queue() + ": nothing to " + verb.base();
        }
        if (r.dryRun()) {
            return "would " + verb.base() + " " + what + " (dry run: nothing changed)";
        }
        StringBuilder line = new StringBuilder(verb.past()).append(' ').append(Texts.count(r.done())).append(" of ")
                .append(what);
        if (r.left() > 0) {
            line.append("; ").append(Texts.count(r.left())).append(" left in ").append(state.wireName())
                    .append(" (locked by a worker or refused)");
        }
        if (r.gone() > 0) {
            line.append("; ").append(Texts.count(r.gone())).append(" had already left ").append(state.wireName());
        }
        return line.toString();
    }
}
