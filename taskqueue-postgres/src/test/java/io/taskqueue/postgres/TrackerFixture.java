package io.taskqueue.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.Handlers;
import io.taskqueue.Queue;
import io.taskqueue.Worker;
import io.taskqueue.WorkerOptions;
import io.taskqueue.memory.InMemoryBackend;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tracker on a fresh test schema (through a small pool, since the schema's own data source opens
 * a connection per call) with an in-memory backend for real queues and workers.
 */
final class TrackerFixture implements AutoCloseable {
    final HikariDataSource pool;
    final TaskTracker tracker;
    final InMemoryBackend backend = InMemoryBackend.create();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private TrackerFixture(PostgresTestSchema schema, TaskTrackerOptions options) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(schema.dataSource());
        config.setMaximumPoolSize(8);
        this.pool = new HikariDataSource(config);
        this.tracker = TaskTracker.create(pool, options);
    }

    static TrackerFixture create(PostgresTestSchema schema) {
        return create(schema, TaskTrackerOptions.defaults());
    }

    static TrackerFixture create(PostgresTestSchema schema, TaskTrackerOptions options) {
        return new TrackerFixture(schema, options);
    }

    Queue queue(String name) {
        Queue queue = tracker.track(Queue.builder(backend, name)).build();
        closeables.add(queue);
        return queue;
    }

    Worker worker(String queueName, Handlers handlers) {
        Worker worker = tracker.track(Worker.builder(backend, queueName)).handlers(handlers)
                .options(WorkerOptions.builder().concurrency(4).build()).build().start();
        closeables.add(() -> worker.close(Duration.ofSeconds(5)));
        return worker;
    }

    void flush() {
        if (!tracker.flush(Duration.ofSeconds(10))) {
            throw new AssertionError("tracker did not flush: " + tracker.health());
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        tracker.close();
        backend.close();
        pool.close();
    }
}
