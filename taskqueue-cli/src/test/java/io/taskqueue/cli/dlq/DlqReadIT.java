package io.taskqueue.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.JsonShapes;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.cli.TrackerDb;
import io.taskqueue.cli.tracker.Cells;
import io.taskqueue.postgres.TaskExecution;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code taskqueue dlq ls} and {@code show}: pages, positions, cursors, filters, one dead letter in full. */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class DlqReadIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterWorld w;

    @BeforeEach
    void deadLetters(PostgresTestSchema schema, RedisServer redis, RedisTestPrefix prefix) throws Exception {
        w = DeadLetterWorld.create(schema, redis, prefix);
    }

    @AfterEach
    void close() throws Exception {
        w.close();
    }

    @Test
    void listsAPageAsATableWithWhereTheNextStarts() {
        Cli.Result r = w.run("dlq", "ls", "--queue", "orders", "--limit", "3");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow().split(" {2,}"))
                .containsExactly("#", "EXECUTION", "TASK", "QUEUE", "CATEGORY", "FAILED", "ATTEMPT", "ERROR");
        List<String[]> rows = DeadLetterWorld.rows(r.out());
        assertThat(rows).hasSize(3);
        for (int i = 0; i < 3; i++) {
            TaskExecution e = w.orders().get(i).execution();
            assertThat(rows.get(i)).containsExactly(String.valueOf(i), e.executionId().toString(), e.taskId(), "orders",
                    "validation", Cells.time(e.failedAt()), "1/1", "bad order " + (i + 1));
        }
        TaskExecution third = w.orders().get(2).execution();
        String cursor = "3/" + third.failedAt() + "/" + third.id();
        assertThat(r.err().strip()).isEqualTo("more: add --cursor " + cursor + " (same filters) for the next page");

        Cli.Result next = w.run("dlq", "ls", "--queue", "orders", "--limit", "3", "--cursor", cursor);
        assertThat(DeadLetterWorld.rows(next.out())).extracting(row -> row[0] + " " + row[2]).containsExactly("3 orders:4", "4 orders:5");
        assertThat(next.err()).isEmpty();
    }

    @Test
    void listsJsonInItsDocumentedShapeAndPagesByCursor() throws Exception {
        JsonNode first = JSON.readTree(w.run("--json", "dlq", "ls", "--queue", "orders", "--limit", "3").out());
        assertThat(first.get("items")).hasSize(3);
        JsonShapes.assertMatches(first, "dlq ls");
        JsonNode item = first.get("items").get(0);
        TaskExecution e = w.orders().get(0).execution();
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

        JsonNode second = JSON.readTree(w.run("--json", "dlq", "ls", "--queue", "orders", "--limit", "3",
                "--cursor", first.get("next").asText()).out());
        assertThat(second.get("items")).extracting(i -> i.get("position").asLong() + " " + i.get("taskId").asText())
                .containsExactly("3 orders:4", "4 orders:5");
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void filtersByCategoryAndTime() throws Exception {
        JsonNode transients = JSON.readTree(w.run("--json", "dlq", "ls", "--category", "transient").out());
        assertThat(transients.get("items")).extracting(i -> i.get("taskId").asText())
                .containsExactly("emails:1", "emails:2");
        assertThat(JSON.readTree(w.run("--json", "dlq", "ls", "--since", "1h").out()).get("items")).hasSize(7);
        assertThat(JSON.readTree(w.run("--json", "dlq", "ls", "--since", "2999-01-01").out()).get("items")).isEmpty();
        Cli twoHoursOn = w.db().cli().clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
        assertThat(JSON.readTree(w.run(twoHoursOn, "--json", "dlq", "ls", "--since", "1h").out()).get("items"))
                .as("a duration back is read on the run's clock").isEmpty();
        assertThat(JSON.readTree(w.run("--json", "dlq", "ls", "--task-prefix", "orders:5").out()).get("items"))
                .extracting(i -> i.get("taskId").asText()).containsExactly("orders:5");
        Cli.Result badTime = w.run("dlq", "ls", "--since", "last tuesday");
        assertThat(badTime.status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(badTime.err()).contains("'last tuesday' is not a time");
    }

    @Test
    void showsOneDeadLetterWithPayloadStackAndAttempts() throws Exception {
        UUID id = w.id(1);
        JsonNode json = JSON.readTree(w.run("--json", "dlq", "show", id.toString()).out());
        assertThat(json.at("/execution/executionId").asText()).isEqualTo(id.toString());
        assertThat(json.at("/execution/taskId").asText()).isEqualTo("orders:2");
        assertThat(json.at("/execution/status").asText()).isEqualTo("dlq");
        assertThat(json.at("/execution/errorCategory").asText()).isEqualTo("validation");
        assertThat(json.get("payload").asInt()).isEqualTo(2);
        assertThat(json.get("errorStack").asText()).startsWith("java.lang.IllegalArgumentException: bad order 2");
        assertThat(json.get("attempts")).extracting(a -> a.get("executionId").asText()).containsExactly(id.toString());

        Cli.Result table = w.run("dlq", "show", id.toString());
        assertThat(table.status()).as(table.toString()).isZero();
        assertThat(table.out().lines()).contains("task         orders:2", "queue        orders", "status       dlq",
                "attempt      1 of 1", "category     validation", "error        bad order 2", "payload      2",
                "java.lang.IllegalArgumentException: bad order 2");
    }

    @Test
    void showingAnUnknownOrMalformedIdFails() {
        UUID unknown = UUID.randomUUID();
        Cli.Result r = w.run("dlq", "show", unknown.toString());
        assertThat(r.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(r.err().strip()).isEqualTo("taskqueue: no dead letter " + unknown + " in "
                + TrackerDb.url(w.db().server()) + " (schema " + w.db().schemaName() + ")");
        assertThat(w.run("dlq", "show", "not-a-uuid").status()).isEqualTo(TaskqueueCli.USAGE);
    }
}
