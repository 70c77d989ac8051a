package io.taskqueue.cli.stats;

import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.CliException;
import io.taskqueue.cli.Commands;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code taskqueue stats [--watch SECONDS]}: every queue with its counts, throughput, paused flag
 * and workers; {@code --watch} redraws it in place at a terminal until interrupted (Ctrl-C).
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Every queue: jobs by state, completed and failed jobs in the last minute and hour"
                + " (from the per-minute metrics; - when none are collected), paused, workers.")
public final class StatsCommand implements Callable<Integer> {
    /** ANSI: cursor home, then clear the screen, so each frame replaces the last. */
    static final String CLEAR = "\u001b[H\u001b[2J";

    @Spec
    CommandSpec spec;

    @Option(names = "--watch", paramLabel = "SECONDS",
            description = "Redraw every SECONDS seconds at a terminal until interrupted (Ctrl-C).")
    Integer watch;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        if (watch == null) {
            StatsReport report = read(ctx);
            ctx.output().print(report, report.table());
            return 0;
        }
        if (watch < 1) {
            throw new ParameterException(spec.commandLine(), "--watch needs at least 1 second: " + watch);
        }
        if (ctx.json()) {
            throw new ParameterException(spec.commandLine(), "--watch redraws a table; it cannot be used with --json");
        }
        if (!ctx.interactive()) {
            throw new CliException("--watch redraws the screen and needs a terminal; without one, run"
                    + " 'taskqueue stats' (or 'taskqueue --json stats') at the interval you want");
        }
        while (true) {
            StatsReport report = read(ctx);
            Instant now = ctx.taskQueue().clock().instant().truncatedTo(ChronoUnit.SECONDS);
            ctx.output().print(report, CLEAR + ctx.taskQueue().describe() + "  " + now + "  (every " + watch
                    + "s; Ctrl-C to stop)\n");
            ctx.output().print(report, report.table());
            try {
                Thread.sleep(watch * 1000L);
            } catch (InterruptedException e) {
                // Interrupted (in-process, or the JVM shutting down on Ctrl-C): the last frame stays.
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    /** The stats of every queue now. */
    static StatsReport read(CliContext ctx) {
        TaskQueue taskQueue = ctx.taskQueue();
        long now = taskQueue.clock().millis();
        List<QueueStats> queues = new ArrayList<>();
        boolean[] warned = {false};
        for (String name : taskQueue.queueNames()) {
            // Closed at once: --watch opens every queue again on each frame.
            try (JobQueue queue = ctx.queue(name)) {
                queues.add(QueueStats.read(taskQueue, queue, now, reason -> {
                    if (!warned[0]) {
                        warned[0] = true;
                        ctx.err().println("taskqueue: workers unknown: " + reason);
                        ctx.err().flush();
                    }
                }));
            }
        }
        return new StatsReport(queues);
    }
}
