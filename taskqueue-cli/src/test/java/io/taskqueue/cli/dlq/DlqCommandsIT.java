package io.taskqueue.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.Worker;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.cli.TrackerDb;
import io.taskqueue.cli.tracker.Cells;
import io.taskqueue.postgres.DeadLetter;
import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.TaskExecution;
import io.taskqueue.postgres.TaskStatus;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code taskqueue dlq}: dead letters made by real workers on Redis, tracked in Postgres, listed,
 * shown, replayed back onto Redis, archived and purged through the command line.
 */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class DlqCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrackerDb db;
    private TrackerDb.Tracked tracked;
    private String[] backend;
    /** The dead letters of "orders", oldest first, as the tracker lists them. */
    private List<DeadLetter> orders;

    @BeforeEach
    void fiveDeadOrdersAndTwoDeadEmails(PostgresTestSchema schema, RedisServer redis, RedisTestPrefix prefix)
            throws Exception {
        db = TrackerDb.on(schema);
        tracked = db.tracked(redis.uri() + "?prefix=" + prefix.value());
        backend = new String[] {"--url", redis.uri().toString(), "--prefix", prefix.value()};
        JobQueue orderQueue = tracked.taskQueue().queue("orders");
        JobQueue emailQueue = tracked.taskQueue().queue("emails");
        try (Worker ordersWorker = tracked.worker("orders", ctx -> {
            throw new IllegalArgumentException("bad order " + ctx.job().dataJson());
        }); Worker emailsWorker = tracked.worker("emails", ctx -> {
            throw new IOException("mail server away");
        })) {
            for (int i = 1; i <= 5; i++) {
                tracked.tracker().enqueue(orderQueue, "orders:" + i, "work", i);
            }
            tracked.tracker().enqueue(emailQueue, "emails:1", "work", 1);
            tracked.tracker().enqueue(emailQueue, "emails:2", "work", 2);
            tracked.awaitDeadLetters(DeadLetterFilter.queue("orders"), 5);
            tracked.awaitDeadLetters(DeadLetterFilter.queue("emails"), 2);
        }
        orders = tracked.tracker().deadLetters().list(DeadLetterFilter.queue("orders"), null, 100).items();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private Cli.Result run(Cli cli, String... args) {
        return cli.run(db.args(args));
    }

    private Cli.Result run(String... args) {
        return run(db.cli(), args);
    }

    private String[] withBackend(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(backend));
        return all.toArray(String[]::new);
    }

    private UUID id(int position) {
        return orders.get(position).execution().executionId();
    }

    private TaskExecution execution(UUID id) {
        return tracked.tracker().history().execution(id).orElseThrow();
    }

    private long deadOrders() {
        return tracked.tracker().deadLetters().count(DeadLetterFilter.queue("orders"));
    }

    private static List<String[]> rows(String table) {
        return table.lines().skip(1).map(l -> l.split(" {2,}")).toList();
    }

    @Test
    void listsAPageAsATableWithWhereTheNextStarts() {
        Cli.Result r = run("dlq", "ls", "--queue", "orders", "--limit", "3");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow().split(" {2,}"))
                .containsExactly("#", "EXECUTION", "TASK", "QUEUE", "CATEGORY", "FAILED", "ATTEMPT", "ERROR");
        List<String[]> rows = rows(r.out());
        assertThat(rows).hasSize(3);
        for (int i = 0; i < 3; i++) {
            TaskExecution e = orders.get(i).execution();
            assertThat(rows.get(i)).containsExactly(String.valueOf(i), e.executionId().toString(), e.taskId(), "orders",
                    "validation", Cells.time(e.failedAt()), "1/1", "bad order " + (i + 1));
        }
        TaskExecution third = orders.get(2).execution();
        String cursor = "3/" + third.failedAt() + "/" + third.id();
        assertThat(r.err().strip()).isEqualTo("more: add --cursor " + cursor + " (same filters) for the next page");

        Cli.Result next = run("dlq", "ls", "--queue", "orders", "--limit", "3", "--cursor", cursor);
        assertThat(rows(next.out())).extracting(row -> row[0] + " " + row[2]).containsExactly("3 orders:4", "4 orders:5");
        assertThat(next.err()).isEmpty();
    }

    @Test
    void listsJsonInItsDocumentedShapeAndPagesByCursor() throws Exception {
        JsonNode first = JSON.readTree(run("--json", "dlq", "ls", "--queue", "orders", "--limit", "3").out());
        assertThat(first.get("items")).hasSize(3);
        JsonNode item = first.get("items").get(0);
        TaskExecution e = orders.get(0).execution();
        assertThat(item.get("position").asLong()).isZero();
        assertThat(item.get("executionId").asText()).isEqualTo(e.executionId().toString());
        assertThat(item.get("taskId").asText()).isEqualTo("orders:1");
        assertThat(item.get("queue").asText()).isEqualTo("orders");
        assertThat(item.get("jobId").asText()).isEqualTo(e.jobId());
        assertThat(item.get("jobName").asText()).isEqualTo("work");
        assertThat(item.get("status").asText()).isEqualTo("dlq");
        assertThat(item.get("category").asText()).isEqualTo("validation");
        assertThat(item.get("error").asText()).isEqualTo("bad order 1");
        assertThat(item.get("failedAt").asText()).isEqualTo(e.failedAt().toString());
        assertThat(item.get("attempt").asInt()).isEqualTo(1);
        assertThat(item.get("maxAttempts").asInt()).isEqualTo(1);
        assertThat(item.get("replays").asInt()).isZero();
        assertThat(item.get("executions").asInt()).isEqualTo(1);
        assertThat(item.size()).isEqualTo(14);

        JsonNode second = JSON.readTree(run("--json", "dlq", "ls", "--queue", "orders", "--limit", "3",
                "--cursor", first.get("next").asText()).out());
        assertThat(second.get("items")).extracting(i -> i.get("position").asLong() + " " + i.get("taskId").asText())
                .containsExactly("3 orders:4", "4 orders:5");
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void filtersByCategoryAndTime() throws Exception {
        JsonNode transients = JSON.readTree(run("--json", "dlq", "ls", "--category", "transient").out());
        assertThat(transients.get("items")).extracting(i -> i.get("taskId").asText())
                .containsExactly("emails:1", "emails:2");
        assertThat(JSON.readTree(run("--json", "dlq", "ls", "--since", "1h").out()).get("items")).hasSize(7);
        assertThat(JSON.readTree(run("--json", "dlq", "ls", "--since", "2999-01-01").out()).get("items")).isEmpty();
        assertThat(JSON.readTree(run("--json", "dlq", "ls", "--task-prefix", "orders:5").out()).get("items"))
                .extracting(i -> i.get("taskId").asText()).containsExactly("orders:5");
        Cli.Result badTime = run("dlq", "ls", "--since", "last tuesday");
        assertThat(badTime.status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(badTime.err()).contains("'last tuesday' is not a time");
    }

    @Test
    void showsOneDeadLetterWithPayloadStackAndAttempts() throws Exception {
        UUID id = id(1);
        JsonNode json = JSON.readTree(run("--json", "dlq", "show", id.toString()).out());
        assertThat(json.at("/execution/executionId").asText()).isEqualTo(id.toString());
        assertThat(json.at("/execution/taskId").asText()).isEqualTo("orders:2");
        assertThat(json.at("/execution/status").asText()).isEqualTo("dlq");
        assertThat(json.at("/execution/errorCategory").asText()).isEqualTo("validation");
        assertThat(json.get("payload").asInt()).isEqualTo(2);
        assertThat(json.get("errorStack").asText()).startsWith("java.lang.IllegalArgumentException: bad order 2");
        assertThat(json.get("attempts")).extracting(a -> a.get("executionId").asText()).containsExactly(id.toString());

        Cli.Result table = run("dlq", "show", id.toString());
        assertThat(table.status()).as(table.toString()).isZero();
        assertThat(table.out().lines()).contains("task         orders:2", "queue        orders", "status       dlq",
                "attempt      1 of 1", "category     validation", "error        bad order 2", "payload      2",
                "java.lang.IllegalArgumentException: bad order 2");
    }

    @Test
    void showingAnUnknownOrMalformedIdFails() {
        UUID unknown = UUID.randomUUID();
        Cli.Result r = run("dlq", "show", unknown.toString());
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isEqualTo("taskqueue: no dead letter " + unknown + " in "
                + TrackerDb.url(db.server()) + " (schema " + db.schemaName() + ")");
        assertThat(run("dlq", "show", "not-a-uuid").status()).isEqualTo(TaskqueueCli.USAGE);
    }

    @Test
    void replaysOneOntoItsQueueAfterAskingAndOnlyOnce() {
        UUID id = id(0);
        Cli.Result refused = run(withBackend("dlq", "replay", id.toString()));
        assertThat(refused.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(refused.err().strip()).isEqualTo("taskqueue: refusing to replay dead letter " + id
                + " of task orders:1 on queue orders without a terminal to confirm it: pass --yes");
        Cli.Result no = run(db.cli().atTerminal("n\n"), withBackend("dlq", "replay", id.toString()));
        assertThat(no.out()).startsWith("About to replay dead letter " + id + " of task orders:1 on queue orders."
                + " Continue? [y/N] ");
        assertThat(no.err()).contains("cancelled");
        assertThat(execution(id).status()).isEqualTo(TaskStatus.DLQ);

        Cli.Result yes = run(db.cli().atTerminal("y\n"), withBackend("dlq", "replay", id.toString()));
        assertThat(yes.status()).as(yes.toString()).isZero();
        TaskExecution archived = execution(id);
        assertThat(archived.status()).isEqualTo(TaskStatus.ARCHIVED);
        assertThat(yes.out()).endsWith("replayed " + id + " as " + archived.replayedTo() + System.lineSeparator());
        JobQueue queue = tracked.taskQueue().queue("orders");
        assertThat(queue.getState(archived.replayedTo().toString())).isEqualTo(JobState.WAITING);
        assertThat(execution(archived.replayedTo()).replays()).isEqualTo(1);

        Cli.Result again = run(withBackend("dlq", "replay", id.toString(), "--yes"));
        assertThat(again.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(again.err()).contains(id + " is not in the dead-letter queue of ");
    }

    @Test
    void aRangeDryRunChangesNothingAndTheRangeThenReplaysThosePositions() throws Exception {
        JsonNode dry = JSON.readTree(run("--json", "dlq", "replay", "--range", "1..2", "--queue", "orders",
                "--dry-run").out());
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("replayed").asLong()).isEqualTo(2);
        assertThat(dry.get("entries")).extracting(e -> e.get("executionId").asText())
                .containsExactly(id(1).toString(), id(2).toString());
        assertThat(deadOrders()).isEqualTo(5);
        Cli.Result dryTable = run("dlq", "replay", "--range", "1..2", "--queue", "orders", "--dry-run");
        assertThat(rows(dryTable.out())).extracting(row -> row[0] + " " + row[2])
                .containsExactly(id(1) + " would replay", id(2) + " would replay");
        assertThat(dryTable.err().strip()).isEqualTo("would replay 2, skipped 0");

        Cli.Result replayed = run(withBackend("dlq", "replay", "--range", "1..2", "--queue", "orders", "--yes"));
        assertThat(replayed.status()).as(replayed.toString()).isZero();
        assertThat(rows(replayed.out())).extracting(row -> row[0] + " " + row[2])
                .containsExactly(id(1) + " replayed", id(2) + " replayed");
        assertThat(replayed.err().strip()).isEqualTo("replayed 2, skipped 0");
        assertThat(tracked.tracker().deadLetters().list(DeadLetterFilter.queue("orders"), null, 10).items())
                .extracting(d -> d.execution().taskId()).containsExactly("orders:1", "orders:4", "orders:5");
        assertThat(tracked.taskQueue().queue("orders").counts(JobState.WAITING)).containsEntry(JobState.WAITING, 2L);
    }

    @Test
    void replayAllTakesEveryMatchOrAtMostMaxWithAProgressBarAtATerminal() throws Exception {
        Cli.Result three = run(db.cli().atTerminal("y\n"), withBackend("dlq", "replay", "--all", "--queue", "orders",
                "--max", "3"));
        assertThat(three.status()).as(three.toString()).isZero();
        assertThat(three.out()).startsWith("About to replay 3 dead letters (queue orders). Continue? [y/N] ");
        assertThat(three.err()).contains("replaying").contains("replayed 3, skipped 0");
        assertThat(deadOrders()).isEqualTo(2);

        JsonNode rest = JSON.readTree(run(withBackend("--json", "dlq", "replay", "--all", "--yes")).out());
        assertThat(rest.get("replayed").asLong()).isEqualTo(4);
        assertThat(rest.get("entries")).extracting(e -> e.get("taskId").asText())
                .containsExactly("orders:4", "orders:5", "emails:1", "emails:2");
        assertThat(tracked.tracker().deadLetters().count(DeadLetterFilter.all())).isZero();
        assertThat(run(withBackend("dlq", "replay", "--all", "--yes")).err().strip()).isEqualTo("replayed 0, skipped 0");
    }

    @Test
    void replayNeedsExactlyOneWayToSayWhich() {
        assertThat(run("dlq", "replay").status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(run("dlq", "replay", "--all", "--range", "0..1").status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(run("dlq", "replay", "--range", "3..1", "--dry-run").status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(run("dlq", "replay", "--range", "1..3", "--max", "2").status()).isEqualTo(TaskqueueCli.USAGE);
    }

    @Test
    void archiveTakesOneOutAndPurgeDeletesArchivedOnesAfterAsking() throws Exception {
        UUID id = id(3);
        Cli.Result archived = run("dlq", "archive", id.toString());
        assertThat(archived.status()).as(archived.toString()).isZero();
        assertThat(archived.out().strip()).isEqualTo("archived " + id);
        assertThat(execution(id).status()).isEqualTo(TaskStatus.ARCHIVED);
        assertThat(run("dlq", "archive", id.toString()).err()).contains(id + " is not in the dead-letter queue of ");
        assertThat(JSON.readTree(run("--json", "dlq", "ls", "--queue", "orders", "--archived").out()).get("items"))
                .hasSize(5);

        Cli.Result unconfirmed = run("dlq", "purge", "--older-than", "0s");
        assertThat(unconfirmed.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(unconfirmed.err()).contains("refusing to delete the dead letters archived more than 0s ago");
        assertThat(run("dlq", "purge", "--older-than", "1d", "--yes").out().strip())
                .isEqualTo("purged 0 archived dead letters");
        JsonNode purged = JSON.readTree(run("--json", "dlq", "purge", "--older-than", "0s", "--yes").out());
        assertThat(purged.get("purged").asInt()).isEqualTo(1);
        assertThat(tracked.tracker().history().execution(id)).isEmpty();
        assertThat(run("dlq", "purge").status()).isEqualTo(TaskqueueCli.USAGE);
    }

    @Test
    void readOnlyRefusesEveryWriteButListsAndDryRuns() throws Exception {
        UUID id = id(0);
        for (String[] write : List.of(new String[] {"dlq", "archive", id.toString()},
                new String[] {"dlq", "replay", id.toString(), "--yes"},
                new String[] {"dlq", "replay", "--all", "--yes"},
                new String[] {"dlq", "purge", "--older-than", "0s", "--yes"})) {
            List<String> args = new ArrayList<>(List.of("--read-only"));
            args.addAll(List.of(write));
            Cli.Result r = run(withBackend(args.toArray(String[]::new)));
            assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(r.err()).startsWith("taskqueue: read-only: refusing to ");
        }
        assertThat(deadOrders()).isEqualTo(5);
        assertThat(execution(id).status()).isEqualTo(TaskStatus.DLQ);
        assertThat(run("--read-only", "dlq", "ls").status()).isZero();
        Cli.Result dryOne = run("--read-only", "dlq", "replay", id.toString(), "--dry-run");
        assertThat(dryOne.out().strip()).isEqualTo("would replay dead letter " + id + " of task orders:1 on queue orders");
        assertThat(JSON.readTree(run("--read-only", "--json", "dlq", "replay", "--all", "--dry-run").out())
                .get("replayed").asLong()).isEqualTo(7);
    }
}
