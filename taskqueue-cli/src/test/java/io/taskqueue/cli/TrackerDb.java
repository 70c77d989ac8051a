package io.taskqueue.cli;

import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.taskqueue.Handlers;
import io.taskqueue.JobHandler;
import io.taskqueue.TaskQueue;
import io.taskqueue.Worker;
import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.TaskTracker;
import io.taskqueue.servers.PostgresServer;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test's tracker: its schema on the test Postgres (tables migrated), a tracker installed on a task
 * queue of a given backend to make executions and dead letters with, and the {@code --db}/{@code --schema}
 * arguments that point the command line at the same tables.
 */
public final class TrackerDb implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PostgresTestSchema schema;
    private final HikariDataSource pool;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private TrackerDb(PostgresTestSchema schema) {
        this.schema = schema;
        HikariConfig config = new HikariConfig();
        config.setDataSource(schema.dataSource());
        config.setMaximumPoolSize(8);
        this.pool = new HikariDataSource(config);
    }

    /** The tracker's tables in {@code schema}, created by the first tracker. */
    public static TrackerDb on(PostgresTestSchema schema) {
        return new TrackerDb(schema);
    }

    /** The server the schema is on. */
    public PostgresServer server() {
        return schema.server();
    }

    /** The schema's name. */
    public String schemaName() {
        return schema.name();
    }

    /** The server's URL for {@code --db}, with its user. */
    public static String url(PostgresServer server) {
        String url = server.jdbcUrl();
        if (server.user() != null && !url.contains("user=")) {
            url += (url.contains("?") ? "&" : "?") + "user=" + server.user();
        }
        return url;
    }

    /** A command line whose environment has the server's password, if it needs one. */
    public Cli cli() {
        Cli cli = Cli.create();
        String password = schema.server().password();
        return password == null || password.isEmpty() ? cli : cli.env(DatabaseOptions.PASSWORD_VARIABLE, password);
    }

    /** {@code args} followed by {@code --db URL --schema NAME}. */
    public String[] args(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--db", url(schema.server()), "--schema", schema.name()));
        return all.toArray(String[]::new);
    }

    /** A tracker (migrating the schema) installed on a new task queue of {@code backendUrl}, closed with this. */
    public Tracked tracked(String backendUrl) {
        TaskTracker tracker = TaskTracker.create(pool);
        TaskQueue taskQueue = TaskQueue.builder().backend(backendUrl).extension(tracker).build();
        opened.add(taskQueue);
        return new Tracked(taskQueue, tracker);
    }

    /**
     * A task queue with the tracker installed.
     *
     * @param taskQueue the task queue
     * @param tracker its tracker
     */
    public record Tracked(TaskQueue taskQueue, TaskTracker tracker) {
        /** A worker of {@code queue} running {@code handler} for jobs named {@code work}. */
        public Worker worker(String queue, JobHandler<Object, Object> handler) {
            return taskQueue.worker(queue).handlers(Handlers.builder().on("work", handler).build()).build().start();
        }

        /** Waits until {@code filter} matches {@code count} dead letters (outcomes are stored in batches). */
        public void awaitDeadLetters(DeadLetterFilter filter, long count) {
            await().atMost(WAIT).until(() -> {
                tracker.flush(Duration.ofSeconds(5));
                return tracker.deadLetters().count(filter) == count;
            });
        }

        /** Waits until every outcome so far is stored. */
        public void flush() {
            if (!tracker.flush(WAIT)) {
                throw new AssertionError("the tracker did not flush: " + tracker.health());
            }
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        pool.close();
    }
}
