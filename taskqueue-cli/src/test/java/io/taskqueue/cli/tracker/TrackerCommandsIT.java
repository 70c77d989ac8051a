package io.taskqueue.cli.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.Worker;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.cli.TrackerDb;
import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.EnqueueResult;
import io.taskqueue.postgres.TaskExecution;
import io.taskqueue.postgres.TaskStatus;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code taskqueue tracker}: statistics, retry chains, stuck and orphaned executions, from real tracked runs. */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class TrackerCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrackerDb db;

    @BeforeEach
    void open(PostgresTestSchema schema) {
        db = TrackerDb.on(schema);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private Cli.Result run(String... args) {
        return db.cli().run(db.args(args));
    }

    private static List<String[]> rows(String table) {
        return table.lines().skip(1).map(l -> l.split(" {2,}")).toList();
    }

    /**
     * On "orders": two completed, one flaky (fails once, then completes), one dead (validation), and
     * one duplicate enqueue turned away; on "emails": one completed.
     */
    private TrackerDb.Tracked someHistory() throws Exception {
        TrackerDb.Tracked tracked = db.tracked("memory:");
        JobQueue orders = tracked.taskQueue().queue("orders");
        JobQueue emails = tracked.taskQueue().queue("emails");
        try (Worker o = tracked.worker("orders", ctx -> {
            String kind = ctx.job().dataJson().replace("\"", "");
            if (kind.equals("bad")) {
                throw new IllegalArgumentException("no such sku");
            }
            if (kind.equals("flaky") && ctx.attempt() == 1) {
                throw new IOException("timeout");
            }
            return kind;
        }); Worker e = tracked.worker("emails", ctx -> "sent")) {
            tracked.tracker().enqueue(orders, "orders:1", "work", "ok");
            tracked.tracker().enqueue(orders, "orders:2", "work", "ok");
            tracked.tracker().enqueue(orders, "orders:3", "work", "flaky", JobOptions.builder().attempts(2).build(),
                    null);
            tracked.tracker().enqueue(orders, "orders:4", "work", "bad");
            tracked.tracker().enqueue(emails, "emails:1", "work", "hi");
            tracked.awaitDeadLetters(DeadLetterFilter.queue("orders"), 1);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                tracked.flush();
                Map<TaskStatus, Long> o2 = tracked.tracker().history().queueStats("orders");
                return o2.get(TaskStatus.COMPLETED) == 3 && tracked.tracker().history().queueStats("emails")
                        .get(TaskStatus.COMPLETED) == 1;
            });
            // Completed tasks are no longer in flight; this one is still queued when its duplicate comes.
            JobQueue idle = tracked.taskQueue().queue("orders-later");
            tracked.tracker().enqueue(idle, "orders:5", "work", "later");
            EnqueueResult duplicate = tracked.tracker().enqueue(idle, "orders:5", "work", "later");
            assertThat(duplicate.outcome()).isEqualTo(EnqueueResult.Outcome.DUPLICATE);
        }
        return tracked;
    }

    @Test
    void statsCountByStatusAndCategoryAndDuplicatesInBothFormats() throws Exception {
        someHistory();
        Cli.Result table = run("tracker", "stats");
        assertThat(table.status()).as(table.toString()).isZero();
        String[] sections = table.out().split("\\R\\R");
        assertThat(sections).hasSize(3);
        assertThat(sections[0].lines().toList()).containsExactly(
                "QUEUE         QUEUED  PROCESSING  COMPLETED  FAILED  DLQ  ARCHIVED",
                "emails        0       0           1          0       0    0",
                "orders        0       0           3          1       1    0",
                "orders-later  1       0           0          0       0    0");
        assertThat(sections[1].lines().toList()).containsExactly("CATEGORY    FAILURES", "transient   1",
                "validation  1");
        assertThat(sections[2].strip().lines().toList()).containsExactly("DUPLICATES                     COUNT",
                "enqueues prevented             1", "tasks with several executions  1");

        JsonNode json = JSON.readTree(run("--json", "tracker", "stats", "--queue", "orders").out());
        assertThat(json.get("queues")).hasSize(1);
        assertThat(json.at("/queues/0/queue").asText()).isEqualTo("orders");
        assertThat(json.at("/queues/0/counts").toString())
                .isEqualTo("{\"queued\":0,\"processing\":0,\"completed\":3,\"failed\":1,\"dlq\":1,\"archived\":0}");
        assertThat(json.get("failuresByCategory").toString()).isEqualTo("{\"transient\":1,\"validation\":1}");
        assertThat(json.get("enqueuesPrevented").asLong()).isZero();
        assertThat(json.get("tasksWithSeveralExecutions").asLong()).isEqualTo(1);
    }

    @Test
    void aChainListsEveryExecutionOfATaskOldestFirst() throws Exception {
        TrackerDb.Tracked tracked = someHistory();
        List<TaskExecution> chain = tracked.tracker().history().retryChain("orders:3");
        Cli.Result table = run("tracker", "chain", "orders:3");
        assertThat(table.status()).as(table.toString()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow().split(" {2,}")).containsExactly("EXECUTION", "STATUS",
                "ATTEMPT", "ENQUEUED", "FINISHED", "CATEGORY", "REPLAYS", "ERROR");
        List<String[]> rows = rows(table.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(chain.get(0).executionId().toString(), "failed", "1/2",
                Cells.time(chain.get(0).enqueuedAt()), Cells.time(chain.get(0).failedAt()), "transient", "0", "timeout");
        assertThat(rows.get(1)).containsExactly(chain.get(1).executionId().toString(), "completed", "2/2",
                Cells.time(chain.get(1).enqueuedAt()), Cells.time(chain.get(1).completedAt()), "-", "0", "-");

        JsonNode json = JSON.readTree(run("--json", "tracker", "chain", "orders:3").out());
        assertThat(json).extracting(e -> e.get("status").asText()).containsExactly("failed", "completed");
        assertThat(json.get(0).get("executionId").asText()).isEqualTo(chain.get(0).executionId().toString());
        assertThat(json.get(0).get("errorMessage").asText()).isEqualTo("timeout");
        assertThat(json.get(1).get("processTimeMs").isNumber()).isTrue();
        assertThat(json.get(1).get("completedAt").asText()).isEqualTo(chain.get(1).completedAt().toString());

        Cli.Result unknown = run("tracker", "chain", "orders:404");
        assertThat(unknown.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(unknown.err()).startsWith("taskqueue: no executions of task orders:404 in ");
    }

    @Test
    void stuckListsExecutionsProcessingForLongerThanTheThreshold() throws Exception {
        TrackerDb.Tracked tracked = db.tracked("memory:");
        EnqueueResult claimed = tracked.tracker().enqueue(tracked.taskQueue().queue("slow"), "slow:1", "work", 1);
        assertThat(tracked.tracker().claim(claimed.taskId(), claimed.executionId())).isTrue();

        Cli.Result r = run("tracker", "stuck", "--older-than", "0s");
        assertThat(r.status()).as(r.toString()).isZero();
        List<String[]> rows = rows(r.out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith(claimed.executionId().toString(), "slow:1", "slow", claimed.jobId());
        JsonNode json = JSON.readTree(run("--json", "tracker", "stuck", "--older-than", "0s").out());
        assertThat(json).extracting(e -> e.get("status").asText()).containsExactly("processing");
        assertThat(run("tracker", "stuck").out().lines()).containsExactly(
                "EXECUTION  TASK  QUEUE  JOB  STARTED  FOR");
        assertThat(run("tracker", "stuck", "--older-than", "soon").status()).isEqualTo(TaskqueueCli.USAGE);
    }

    @Test
    void reconcileFindsExecutionsProcessingWhoseJobIsNotActive(RedisServer redis, RedisTestPrefix prefix)
            throws Exception {
        TrackerDb.Tracked tracked = db.tracked(redis.uri() + "?prefix=" + prefix.value());
        // Claimed by hand, as a worker that died after claiming would leave it: the job still waits.
        EnqueueResult orphan = tracked.tracker().enqueue(tracked.taskQueue().queue("recon"), "recon:1", "work", 1);
        assertThat(tracked.tracker().claim(orphan.taskId(), orphan.executionId())).isTrue();
        String[] backend = {"--url", redis.uri().toString(), "--prefix", prefix.value()};

        Cli.Result r = db.cli().run(db.args("tracker", "reconcile", "recon", "--grace", "0s", backend[0], backend[1],
                backend[2], backend[3]));
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(rows(r.out())).singleElement().satisfies(row -> assertThat(row).startsWith(
                orphan.executionId().toString(), "recon:1", orphan.jobId()).endsWith("waiting"));

        JsonNode json = JSON.readTree(db.cli().run(db.args("--json", "tracker", "reconcile", "recon", "--grace", "0s",
                backend[0], backend[1], backend[2], backend[3])).out());
        assertThat(json.get(0).get("queueState").asText()).isEqualTo("waiting");
        assertThat(json.get(0).at("/execution/executionId").asText()).isEqualTo(orphan.executionId().toString());
        assertThat(db.cli().run(db.args("tracker", "reconcile", "recon", backend[0], backend[1], backend[2],
                backend[3])).out().lines()).hasSize(1);
    }
}
