package io.taskqueue.cli.dlq;

import io.taskqueue.cli.tracker.Since;
import io.taskqueue.cli.tracker.SinceConverter;
import io.taskqueue.postgres.DeadLetterFilter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which dead letters a listing or a bulk replay takes. */
public final class DlqFilterOptions {
    @Option(names = "--queue", paramLabel = "QUEUE", description = "Only this queue.")
    String queue;

    @Option(names = "--category", paramLabel = "CATEGORY",
            description = "Only this error category, e.g. validation, transient, or an application's.")
    String category;

    @Option(names = "--since", paramLabel = "TIME", converter = SinceConverter.class,
            description = "Only those that failed since TIME: a duration back from now (24h, 7d), an instant"
                    + " (2025-06-03T13:00:00Z) or a date (2025-06-03).")
    Since since;

    @Option(names = "--task-prefix", paramLabel = "PREFIX", description = "Only task ids starting with PREFIX.")
    String taskPrefix;

    /** The filter, {@code --since} read on {@code clock}; archived entries only when asked. */
    DeadLetterFilter filter(boolean includeArchived, Clock clock) {
        return DeadLetterFilter.all().withQueue(queue).withCategory(category).withTaskIdPrefix(taskPrefix)
                .withFailedBetween(since == null ? null : since.resolve(clock), null).withArchived(includeArchived);
    }

    /** The filter in words, for confirmations: {@code queue orders, category validation}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (queue != null) {
            parts.add("queue " + queue);
        }
        if (category != null) {
            parts.add("category " + category);
        }
        if (taskPrefix != null) {
            parts.add("tasks " + taskPrefix + "*");
        }
        if (since != null) {
            parts.add("failed since " + since);
        }
        return parts.isEmpty() ? "all queues" : String.join(", ", parts);
    }
}
