package io.taskqueue.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.PostgresServer;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tracker configured with a schema keeps its tables there, creating the schema when it is missing. */
@ExtendWith(PostgresExtension.class)
class SchemaIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aTrackerWithItsOwnPoolCreatesItsMissingSchemaAndTracksThere(PostgresTestSchema schema) throws Exception {
        PostgresServer server = schema.server();
        tracksInAMissingSchema(schema, schema.name() + "_pool", options -> TaskTracker.create(server.jdbcUrl(),
                server.user(), server.password(), options));
    }

    @Test
    void aTrackerOnAHandedInDataSourceCreatesItsMissingSchemaAndTracksThere(PostgresTestSchema schema)
            throws Exception {
        // The data source's search_path is the test schema: the configured one wins, for every statement.
        tracksInAMissingSchema(schema, schema.name() + "_ds",
                options -> TaskTracker.create(schema.dataSource(), options));
    }

    private static void tracksInAMissingSchema(PostgresTestSchema schema, String missing,
            Function<TaskTrackerOptions, TaskTracker> open) throws Exception {
        PostgresServer server = schema.server();
        assertThat(server.schemaExists(missing)).isFalse();
        try {
            TaskTracker tracker = open.apply(TaskTrackerOptions.builder().schema(missing).build());
            try (TaskQueue taskQueue = TaskQueue.builder().backend("memory:").extension(tracker).build()) {
                JobQueue queue = taskQueue.queue("schemas");
                taskQueue.worker("schemas").handlers(Handlers.builder().on("work", ctx -> "done").build())
                        .build().start();
                EnqueueResult r = tracker.enqueue(queue, "schemas:1", "work", 1);
                await().atMost(WAIT).until(() -> tracker.flush(WAIT) && tracker.history().execution(r.executionId())
                        .map(e -> e.status() == TaskStatus.COMPLETED).orElse(false));
            }
            assertThat(server.schemaExists(missing)).isTrue();
            // A second start finds the schema and its tables in place.
            open.apply(TaskTrackerOptions.builder().schema(missing).build()).close();
            try (var c = server.dataSource().getConnection(); var s = c.createStatement();
                    var rs = s.executeQuery("SELECT count(*) FROM " + missing + ".task_trackers")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            try (var c = schema.dataSource().getConnection(); var s = c.createStatement();
                    var rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")) {
                rs.next();
                assertThat(rs.getLong(1)).as("tables in the connections' own schema").isZero();
            }
        } finally {
            server.dropSchema(missing);
        }
    }
}
