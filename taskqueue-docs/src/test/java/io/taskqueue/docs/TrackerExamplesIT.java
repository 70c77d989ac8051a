package io.taskqueue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.postgres.EnqueueResult;
import io.taskqueue.postgres.TaskStatus;
import io.taskqueue.postgres.TaskTracker;
import io.taskqueue.postgres.TaskTrackerOptions;
import io.taskqueue.servers.PostgresServer;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tracker examples of the docs run on a real Postgres, in a schema of their own. */
class TrackerExamplesIT {
    private static PostgresServer server;
    private static String schema;
    private static DataSource dataSource;

    @BeforeAll
    static void start() {
        server = PostgresServer.start();
        schema = "docs_" + UUID.randomUUID().toString().substring(0, 8);
        server.createSchema(schema);
        dataSource = server.dataSource(schema);
    }

    @AfterAll
    static void stop() {
        server.dropSchema(schema);
        server.close();
    }

    private static final Handlers SHIP = Handlers.builder().on("ship", ctx -> "shipped").build();

    @Test
    void theGuideExampleTracksAJob() {
        String taskId = TrackerExamples.guide(dataSource, "memory:", SHIP, "c-1", "o-1",
                new TrackerExamples.Order("sku", 1));
        try (TaskTracker tool = TaskTracker.standalone(dataSource, TaskTrackerOptions.defaults(),
                java.time.Clock.systemUTC())) {
            assertThat(tool.history().retryChain(taskId)).hasSize(1);
        }
    }

    @Test
    void enqueueHistoryDeadLettersAndPolicies() {
        TaskTracker tracker = TaskTracker.create(dataSource);
        try (TaskQueue taskQueue = TrackerExamples.categories("memory:", tracker)) {
            JobQueue orders = taskQueue.queue("orders");
            EnqueueResult first = TrackerExamples.enqueue(tracker, orders, "c-2", "o-2",
                    new TrackerExamples.Order("sku", 2));
            EnqueueResult second = TrackerExamples.enqueue(tracker, orders, "c-2", "o-2",
                    new TrackerExamples.Order("sku", 2));
            assertThat(first.enqueued()).isTrue();
            assertThat(second.enqueued()).as("a duplicate within the window").isFalse();
            taskQueue.worker("orders").handlers(Handlers.builder().on("ship", ctx -> {
                throw new TrackerExamples.UpstreamException("carrier down");
            }).build()).build().start();
            orders.awaitFinished(first.executionId().toString(), Duration.ofSeconds(20));
            String taskId = tracker.taskId("orders", "c-2", "o-2");
            TrackerExamples.history(tracker, orders, taskId);
            assertThat(tracker.history().failuresByCategory("orders")).containsKey("upstream");
            UUID execution = tracker.history().retryChain(taskId).get(0).executionId();
            assertThat(TrackerExamples.deadLetters(tracker, execution)).isNotNull();
            assertThat(tracker.history().queueStats("orders")).containsKey(TaskStatus.ARCHIVED);
        }
        TrackerExamples.tool(dataSource);
        assertThat(TrackerExamples.prefixes().environmentPrefixes()).containsExactly("dev_", "staging_");
        assertThat(TrackerExamples.policy()).isNotNull();
    }

    @Test
    void anInstalledTrackerRecordsTheJobsOfItsWorkers() {
        TrackerExamples.installed(dataSource, "memory:", SHIP);
        try (TaskTracker tool = TaskTracker.standalone(dataSource, TaskTrackerOptions.defaults(),
                java.time.Clock.systemUTC())) {
            assertThat(tool.history().queueStats("orders").values().stream().mapToLong(Long::longValue).sum())
                    .isPositive();
        }
    }

    @Test
    void aTrackerWithItsOwnPool() {
        try (TaskTracker tracker = TrackerExamples.withOwnPool(server.jdbcUrl(), server.user(), server.password())) {
            assertThat(tracker.health()).isNotNull();
        } finally {
            server.dropSchema("tracking");
        }
    }
}
