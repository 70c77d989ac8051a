package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The task queue's classifier decides every retry; the tracker only records. The same failing jobs
 * run with and without the tracker installed must end the same way.
 */
@ExtendWith(PostgresExtension.class)
class RetryDecisionsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> KINDS = List.of("validation", "io", "upstream");

    /** How a job ended, as the queue holds it. */
    private record Ending(int attemptsMade, String state, String failedReason) {
    }

    @Test
    void attachingTheTrackerChangesNoRetryDecisionAndItStoresTheWorkersCategories(PostgresTestSchema schema)
            throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(schema.dataSource());
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Map<String, Ending> untracked = run(null);
            TaskTracker tracker = TaskTracker.create(pool);
            Map<String, Ending> tracked = run(tracker);

            assertThat(tracked).isEqualTo(untracked);
            // The core's decisions: validation is not retried; I/O and the app's category are.
            assertThat(untracked.get("validation").attemptsMade()).isEqualTo(1);
            assertThat(untracked.get("io").attemptsMade()).isEqualTo(3);
            assertThat(untracked.get("upstream").attemptsMade()).isEqualTo(3);
            assertThat(untracked.values()).extracting(Ending::state).containsOnly("FAILED");

            // The tracker stored the worker's verdicts, attempt by attempt, by name.
            try (TaskTracker reader = TaskTracker.standalone(pool,
                    TaskTrackerOptions.builder().migrate(false).build(), Clock.systemUTC())) {
                assertThat(categories(reader, "validation")).containsExactly("validation");
                assertThat(categories(reader, "io")).containsExactly("transient", "transient", "transient");
                assertThat(categories(reader, "upstream")).containsExactly("upstream", "upstream", "upstream");
                assertThat(reader.history().failuresByCategory("decisions")).containsExactly(
                        Map.entry("transient", 3L), Map.entry("upstream", 3L), Map.entry("validation", 1L));
            }
        }
    }

    /** Runs one job per kind to its end on a fresh in-memory task queue, with {@code tracker} installed if given. */
    private static Map<String, Ending> run(TaskTracker tracker) {
        TaskQueue.Builder builder = TaskQueue.builder().backend("memory:").errorClassifier(AppErrors.classifier());
        if (tracker != null) {
            builder.extension(tracker);
        }
        Map<String, Ending> endings = new LinkedHashMap<>();
        try (TaskQueue taskQueue = builder.build()) {
            JobQueue queue = taskQueue.queue("decisions");
            taskQueue.worker("decisions").handlers(Handlers.builder().on("work", ctx -> {
                String kind = queue.decode(ctx.job().dataJson(), String.class);
                switch (kind) {
                    case "validation": throw new IllegalArgumentException("missing field");
                    case "io": throw new IOException("connection reset");
                    default: throw new AppErrors.UpstreamException("service unavailable");
                }
            }).build()).build().start();
            for (String kind : KINDS) {
                String id = queue.add("work", kind, JobOptions.builder().jobId("job-" + kind).attempts(3).build());
                Job job = queue.awaitFinished(id, WAIT);
                endings.put(kind, new Ending(job.attemptsMade(), queue.getState(id).name(), job.failedReason()));
            }
            if (tracker != null) {
                assertThat(tracker.flush(WAIT)).as("tracker flushed: %s", tracker.health()).isTrue();
            }
        }
        return endings;
    }

    private static List<String> categories(TaskTracker reader, String kind) {
        return reader.history().retryChain("decisions:job-" + kind).stream().map(TaskExecution::errorCategory)
                .toList();
    }
}
