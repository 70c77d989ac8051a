package io.taskqueue.cli.queue;

import io.taskqueue.BackendException;
import io.taskqueue.Capability;
import io.taskqueue.JobQueue;
import io.taskqueue.Metrics;
import io.taskqueue.QueueLimits;
import io.taskqueue.TaskQueue;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Commands;
import io.taskqueue.cli.Durations;
import io.taskqueue.cli.stats.Throughput;
import io.taskqueue.cli.workers.WorkerRow;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code taskqueue queue inspect NAME}: one queue in detail. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a queue in detail: counts, paused, limits, group defaults, schedulers, workers,"
                + " throughput, and what the backend can do.")
public final class QueueInspect implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The queue.")
    String name;

    @Override
    public Integer call() {
        CliContext ctx = Commands.context(spec);
        QueueDetails details;
        try (JobQueue queue = Queues.existing(ctx, name)) {
            details = read(ctx.taskQueue(), queue, reason -> {
                ctx.err().println("taskqueue: workers unknown: " + reason);
                ctx.err().flush();
            });
        }
        ctx.output().print(details, text(details));
        return 0;
    }

    /**
     * Reads {@code queue}. When listing workers fails (a Redis user without {@code CLIENT LIST}) the
     * workers are left unknown and {@code onWorkersUnknown} gets the reason, so the rest still shows.
     */
    static QueueDetails read(TaskQueue taskQueue, JobQueue queue, Consumer<String> onWorkersUnknown) {
        Set<Capability> can = taskQueue.capabilities();
        long now = taskQueue.clock().millis();
        QueueLimits limits = queue.limits();
        QueueDetails.Limits global = can.contains(Capability.LIMITS)
                ? new QueueDetails.Limits(limits.globalConcurrency().orElse(null),
                        QueueDetails.Rate.of(limits.globalRateLimit().orElse(null)), limits.rateLimitTtl().toMillis())
                : null;
        QueueDetails.GroupDefaults groups = can.contains(Capability.GROUPS)
                ? new QueueDetails.GroupDefaults(limits.defaultGroupConcurrency().orElse(null),
                        QueueDetails.Rate.of(limits.defaultGroupRateLimit().orElse(null)), limits.waitingGroups().size())
                : null;
        List<WorkerRow> workers = null;
        if (can.contains(Capability.WORKERS)) {
            try {
                workers = queue.workers().stream().map(w -> WorkerRow.of(queue.name(), w)).toList();
            } catch (BackendException e) {
                onWorkersUnknown.accept(e.getMessage());
            }
        }
        return new QueueDetails(queue.name(), taskQueue.describe(),
                can.contains(Capability.PAUSE) ? queue.isPaused() : null, Commands.byWireName(queue.counts()), global,
                groups, can.contains(Capability.SCHEDULERS) ? queue.schedulers().list().size() : null, workers,
                Throughput.of(taskQueue, queue, Metrics.Type.COMPLETED, now),
                Throughput.of(taskQueue, queue, Metrics.Type.FAILED, now),
                can.stream().sorted().map(Enum::name).toList());
    }

    static String text(QueueDetails d) {
        KeyValues kv = new KeyValues()
                .add("Queue", d.name())
                .add("Backend", d.backend())
                .add("Paused", d.paused() == null ? null : d.paused() ? "yes" : "no")
                .add("Jobs", d.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        QueueDetails.Limits l = d.limits();
        kv.add("Global concurrency", l == null ? null : l.globalConcurrency() == null ? "none" : l.globalConcurrency())
                .add("Global rate limit", l == null ? null : l.globalRateLimit() == null ? "none" : l.globalRateLimit())
                .add("Rate limited", l == null ? null : l.rateLimitedForMillis() == 0 ? "no"
                        : "for " + Durations.format(Duration.ofMillis(l.rateLimitedForMillis())));
        QueueDetails.GroupDefaults g = d.groupDefaults();
        kv.add("Group concurrency", g == null ? null : g.concurrency() == null ? "none" : g.concurrency())
                .add("Group rate limit", g == null ? null : g.rateLimit() == null ? "none" : g.rateLimit())
                .add("Groups waiting", g == null ? null : g.groupsWaiting())
                .add("Schedulers", d.schedulers())
                .add("Workers", d.workers() == null ? null : d.workers().isEmpty() ? "0"
                        : d.workers().size() + " (" + d.workers().stream()
                                .map(w -> (w.name() == null ? "unnamed" : w.name())
                                        + (w.address() == null ? "" : " at " + w.address()))
                                .collect(Collectors.joining(", ")) + ")")
                .add("Completed", throughput(d.completed()))
                .add("Failed", throughput(d.failed()))
                .add("Capabilities", String.join(", ", d.capabilities()));
        return kv.toString();
    }

    private static String throughput(Throughput t) {
        return t == null ? "- (no metrics collected)"
                : t.lastMinute() + " last minute, " + t.lastHour() + " last hour, " + t.total() + " in all";
    }
}
