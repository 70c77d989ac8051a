package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Handlers;
import io.taskqueue.Job;
import io.taskqueue.JobLifecycleListener;
import io.taskqueue.JobOutcome;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.WorkerOptions;
import io.taskqueue.servers.TcpProxy;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database goes away mid-run: jobs must not notice, and the tracker catches up or counts. */
@ExtendWith(PostgresExtension.class)
class OutageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void jobsKeepCompletingWhileTheDatabaseIsDownAndTheTrackerCatchesUp(PostgresTestSchema schema)
            throws Exception {
        try (TcpProxy proxy = proxyTo(schema);
                Run run = new Run(schema, proxy, TaskTrackerOptions.DEFAULT_BUFFER_LIMIT)) {
            run.add(100);
            await().atMost(WAIT).until(() -> run.completed.get() == 100);

            proxy.stop();
            run.add(200);
            // The job outcomes do not depend on the tracker: all 300 complete with the database down.
            await().atMost(WAIT).until(() -> run.completed.get() == 300);
            TrackerHealth down = run.tracker.health();
            assertThat(down.pendingWrites()).isPositive();
            assertThat(down.failedFlushes()).isPositive();

            proxy.start();
            run.add(100);
            await().atMost(WAIT).until(() -> run.completed.get() == 400);
            // Operator queries do throw while pooled connections to the old proxy are being replaced.
            await().atMost(WAIT).ignoreExceptions()
                    .until(() -> run.tracker.history().queueStats("outage").get(TaskStatus.COMPLETED) == 400);
            TrackerHealth after = run.tracker.health();
            assertThat(after.droppedWrites()).isZero();
            assertThat(after.databaseAvailable()).isTrue();
            assertThat(after.unclaimedRuns()).isPositive();
        }
    }

    @Test
    void beyondTheBufferLimitWritesAreDroppedAndCounted(PostgresTestSchema schema) throws Exception {
        try (TcpProxy proxy = proxyTo(schema); Run run = new Run(schema, proxy, 20)) {
            proxy.stop();
            run.add(100);
            await().atMost(WAIT).until(() -> run.completed.get() == 100);
            await().atMost(WAIT).until(() -> run.tracker.health().droppedWrites() > 0);

            proxy.start();
            await().atMost(WAIT).until(() -> run.tracker.health().pendingWrites() == 0);
            TrackerHealth health = run.tracker.health();
            // Each job makes two writes (enqueued, completed); every one is either stored or counted.
            assertThat(health.writtenWrites() + health.droppedWrites()).isEqualTo(200);
            await().atMost(WAIT).ignoreExceptions().until(() -> run.tracker.history().queueStats("outage") != null);
            assertThat(run.tracker.history().queueStats("outage").values().stream().mapToLong(Long::longValue).sum())
                    .isBetween(1L, 100L);
        }
    }

    private static TcpProxy proxyTo(PostgresTestSchema schema) throws Exception {
        URI uri = URI.create(schema.server().jdbcUrl().substring("jdbc:".length()));
        TcpProxy proxy = new TcpProxy(uri.getHost(), uri.getPort());
        proxy.start();
        return proxy;
    }

    /** A tracker owning its pool through the proxy, installed on a task queue with one counting worker. */
    private static final class Run implements AutoCloseable {
        final AtomicInteger completed = new AtomicInteger();
        final TaskTracker tracker;
        final TaskQueue taskQueue;
        final JobQueue queue;
        private int added;

        Run(PostgresTestSchema schema, TcpProxy proxy, int bufferLimit) {
            URI uri = URI.create(schema.server().jdbcUrl().substring("jdbc:".length()));
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + uri.getPath();
            tracker = TaskTracker.create(url, schema.server().user(), schema.server().password(),
                    TaskTrackerOptions.builder().schema(schema.name()).bufferLimit(bufferLimit).batchSize(50)
                            .syncTimeout(Duration.ofMillis(500)).retryInterval(Duration.ofMillis(200))
                            .maxRetryInterval(Duration.ofMillis(500)).build());
            taskQueue = TaskQueue.builder().backend("memory:").extension(tracker).build();
            queue = taskQueue.queue("outage");
            taskQueue.worker("outage")
                    .handlers(Handlers.builder().on("work", ctx -> {
                        Thread.sleep(2);
                        return "ok";
                    }).build())
                    .listener(new JobLifecycleListener() {
                        @Override
                        public void onFinished(String q, Job job, JobOutcome outcome, long elapsed) {
                            if (outcome instanceof JobOutcome.Completed) {
                                completed.incrementAndGet();
                            }
                        }
                    })
                    .options(WorkerOptions.builder().concurrency(4).build()).build().start();
        }

        void add(int n) {
            for (int i = 0; i < n; i++) {
                queue.add("work", added++);
            }
        }

        @Override
        public void close() {
            // The worker first, then the tracker, then the backend: the task queue closes all three.
            taskQueue.close();
        }
    }
}
