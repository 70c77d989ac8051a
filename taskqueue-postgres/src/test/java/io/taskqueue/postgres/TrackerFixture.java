package io.taskqueue.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A tracker on a fresh test schema (through a small pool, since the schema's own data source opens
 * a connection per call), installed on an in-memory task queue for real queues and workers.
 */
final class TrackerFixture implements AutoCloseable {
    final HikariDataSource pool;
    final TaskTracker tracker;
    final TaskQueue taskQueue;
    private final TaskTrackerOptions options;
    private final List<AutoCloseable> standalones = new ArrayList<>();

    private TrackerFixture(PostgresTestSchema schema, TaskTrackerOptions options, UnaryOperator<TaskQueue.Builder> setup) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(schema.dataSource());
        config.setMaximumPoolSize(8);
        this.pool = new HikariDataSource(config);
        this.options = options;
        this.tracker = TaskTracker.create(pool, options);
        this.taskQueue = setup.apply(TaskQueue.builder().backend("memory:")).extension(tracker).build();
    }

    static TrackerFixture create(PostgresTestSchema schema) {
        return create(schema, TaskTrackerOptions.defaults());
    }

    static TrackerFixture create(PostgresTestSchema schema, TaskTrackerOptions options) {
        return create(schema, options, b -> b);
    }

    /** {@code setup} configures the task queue (clock, classifier); the fixture adds backend and tracker. */
    static TrackerFixture create(PostgresTestSchema schema, TaskTrackerOptions options,
            UnaryOperator<TaskQueue.Builder> setup) {
        return new TrackerFixture(schema, options, setup);
    }

    JobQueue queue(String name) {
        return taskQueue.queue(name);
    }

    Worker worker(String queueName, Handlers handlers) {
        return taskQueue.worker(queueName).handlers(handlers)
                .options(WorkerOptions.builder().concurrency(4).build()).build().start();
    }

    TaskHistory history() {
        return tracker.history();
    }

    DeadLetters deadLetters() {
        return tracker.deadLetters();
    }

    /** A standalone tracker on the same database, as a tool would open it, reading {@code clock}. */
    TaskTracker standalone(Clock clock) {
        TaskTracker standalone = TaskTracker.standalone(pool, options.toBuilder().migrate(false).build(), clock);
        standalones.add(standalone);
        return standalone;
    }

    void flush() {
        if (!tracker.flush(Duration.ofSeconds(10))) {
            throw new AssertionError("tracker did not flush: " + tracker.health());
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable standalone : standalones) {
            standalone.close();
        }
        // Closes the workers first, then the tracker (storing their last writes), then the backend.
        taskQueue.close();
        pool.close();
    }
}
