package io.taskqueue.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.TaskExecution;
import io.taskqueue.postgres.TaskStatus;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.PostgresExtension;
import io.taskqueue.testing.junit.PostgresTestSchema;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code taskqueue dlq replay}, {@code archive} and {@code purge}: replays back onto Redis after
 * asking, by id, positions or all, dry runs, and {@code --read-only}.
 */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class DlqWriteIT {
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
    void replaysOneOntoItsQueueAfterAskingAndOnlyOnce() {
        UUID id = w.id(0);
        Cli.Result refused = w.run(w.withBackend("dlq", "replay", id.toString()));
        assertThat(refused.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(refused.err().strip()).isEqualTo("taskqueue: refusing to replay dead letter " + id
                + " of task orders:1 on queue orders without a terminal to confirm it: pass --yes");
        Cli.Result no = w.run(w.db().cli().atTerminal("n\n"), w.withBackend("dlq", "replay", id.toString()));
        assertThat(no.out()).startsWith("About to replay dead letter " + id + " of task orders:1 on queue orders."
                + " Continue? [y/N] ");
        assertThat(no.err()).contains("cancelled");
        assertThat(w.execution(id).status()).isEqualTo(TaskStatus.DLQ);

        Cli.Result yes = w.run(w.db().cli().atTerminal("y\n"), w.withBackend("dlq", "replay", id.toString()));
        assertThat(yes.status()).as(yes.toString()).isZero();
        TaskExecution archived = w.execution(id);
        assertThat(archived.status()).isEqualTo(TaskStatus.ARCHIVED);
        assertThat(yes.out()).endsWith("replayed " + id + " as " + archived.replayedTo() + System.lineSeparator());
        JobQueue queue = w.tracked().taskQueue().queue("orders");
        assertThat(queue.getState(archived.replayedTo().toString())).isEqualTo(JobState.WAITING);
        assertThat(w.execution(archived.replayedTo()).replays()).isEqualTo(1);

        Cli.Result again = w.run(w.withBackend("dlq", "replay", id.toString(), "--yes"));
        assertThat(again.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(again.err()).contains(id + " is not in the dead-letter queue of ");
    }

    @Test
    void aRangeDryRunChangesNothingAndTheRangeThenReplaysThosePositions() throws Exception {
        JsonNode dry = JSON.readTree(w.run("--json", "dlq", "replay", "--range", "1..2", "--queue", "orders",
                "--dry-run").out());
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("replayed").asLong()).isEqualTo(2);
        assertThat(dry.get("entries")).extracting(e -> e.get("executionId").asText())
                .containsExactly(w.id(1).toString(), w.id(2).toString());
        assertThat(w.deadOrders()).isEqualTo(5);
        Cli.Result dryTable = w.run("dlq", "replay", "--range", "1..2", "--queue", "orders", "--dry-run");
        assertThat(DeadLetterWorld.rows(dryTable.out())).extracting(row -> row[0] + " " + row[2])
                .containsExactly(w.id(1) + " would replay", w.id(2) + " would replay");
        assertThat(dryTable.err().strip()).isEqualTo("would replay 2, skipped 0");

        Cli.Result replayed = w.run(w.withBackend("dlq", "replay", "--range", "1..2", "--queue", "orders", "--yes"));
        assertThat(replayed.status()).as(replayed.toString()).isZero();
        assertThat(DeadLetterWorld.rows(replayed.out())).extracting(row -> row[0] + " " + row[2])
                .containsExactly(w.id(1) + " replayed", w.id(2) + " replayed");
        assertThat(replayed.err().strip()).isEqualTo("replayed 2, skipped 0");
        assertThat(w.tracked().tracker().deadLetters().list(DeadLetterFilter.queue("orders"), null, 10).items())
                .extracting(d -> d.execution().taskId()).containsExactly("orders:1", "orders:4", "orders:5");
        assertThat(w.tracked().taskQueue().queue("orders").counts(JobState.WAITING)).containsEntry(JobState.WAITING, 2L);
    }

    @Test
    void replayAllTakesEveryMatchOrAtMostMaxWithAProgressBarAtATerminal() throws Exception {
        Cli.Result three = w.run(w.db().cli().atTerminal("y\n"), w.withBackend("dlq", "replay", "--all", "--queue",
                "orders", "--max", "3"));
        assertThat(three.status()).as(three.toString()).isZero();
        assertThat(three.out()).startsWith("About to replay 3 dead letters (queue orders). Continue? [y/N] ");
        assertThat(three.err()).contains("replaying").contains("replayed 3, skipped 0");
        assertThat(w.deadOrders()).isEqualTo(2);

        // Both queues' workers failed their jobs at once, so their dead letters interleave in time.
        List<String> oldestFirst = w.tracked().tracker().deadLetters().list(DeadLetterFilter.all(), null, 10).items()
                .stream().map(d -> d.execution().taskId()).toList();
        assertThat(oldestFirst).containsExactlyInAnyOrder("orders:4", "orders:5", "emails:1", "emails:2");
        JsonNode rest = JSON.readTree(w.run(w.withBackend("--json", "dlq", "replay", "--all", "--yes")).out());
        assertThat(rest.get("replayed").asLong()).isEqualTo(4);
        assertThat(rest.get("entries")).extracting(e -> e.get("taskId").asText())
                .containsExactlyElementsOf(oldestFirst);
        assertThat(w.tracked().tracker().deadLetters().count(DeadLetterFilter.all())).isZero();
        assertThat(w.run(w.withBackend("dlq", "replay", "--all", "--yes")).err().strip()).isEqualTo("replayed 0, skipped 0");
    }

    @Test
    void replayNeedsExactlyOneWayToSayWhich() {
        assertThat(w.run("dlq", "replay").status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(w.run("dlq", "replay", "--all", "--range", "0..1").status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(w.run("dlq", "replay", "--range", "3..1", "--dry-run").status()).isEqualTo(TaskqueueCli.USAGE);
        assertThat(w.run("dlq", "replay", "--range", "1..3", "--max", "2").status()).isEqualTo(TaskqueueCli.USAGE);
    }

    @Test
    void archiveTakesOneOutAndPurgeDeletesArchivedOnesAfterAsking() throws Exception {
        UUID id = w.id(3);
        Cli.Result archived = w.run("dlq", "archive", id.toString());
        assertThat(archived.status()).as(archived.toString()).isZero();
        assertThat(archived.out().strip()).isEqualTo("archived " + id);
        assertThat(w.execution(id).status()).isEqualTo(TaskStatus.ARCHIVED);
        assertThat(w.run("dlq", "archive", id.toString()).err()).contains(id + " is not in the dead-letter queue of ");
        assertThat(JSON.readTree(w.run("--json", "dlq", "ls", "--queue", "orders", "--archived").out()).get("items"))
                .hasSize(5);

        Cli.Result unconfirmed = w.run("dlq", "purge", "--older-than", "0s");
        assertThat(unconfirmed.status()).isEqualTo(TaskqueueCli.FAILED);
        assertThat(unconfirmed.err()).contains("refusing to delete the dead letters archived more than 0s ago");
        assertThat(w.run("dlq", "purge", "--older-than", "1d", "--yes").out().strip())
                .isEqualTo("purged 0 archived dead letters");
        JsonNode purged = JSON.readTree(w.run("--json", "dlq", "purge", "--older-than", "0s", "--yes").out());
        assertThat(purged.get("purged").asInt()).isEqualTo(1);
        assertThat(w.tracked().tracker().history().execution(id)).isEmpty();
        assertThat(w.run("dlq", "purge").status()).isEqualTo(TaskqueueCli.USAGE);
    }

    @Test
    void readOnlyRefusesEveryWriteButListsAndDryRuns() throws Exception {
        UUID id = w.id(0);
        for (String[] write : List.of(new String[] {"dlq", "archive", id.toString()},
                new String[] {"dlq", "replay", id.toString(), "--yes"},
                new String[] {"dlq", "replay", "--all", "--yes"},
                new String[] {"dlq", "purge", "--older-than", "0s", "--yes"})) {
            List<String> args = new ArrayList<>(List.of("--read-only"));
            args.addAll(List.of(write));
            Cli.Result r = w.run(w.withBackend(args.toArray(String[]::new)));
            assertThat(r.status()).as(r.toString()).isEqualTo(TaskqueueCli.FAILED);
            assertThat(r.err()).startsWith("taskqueue: read-only: refusing to ");
        }
        assertThat(w.deadOrders()).isEqualTo(5);
        assertThat(w.execution(id).status()).isEqualTo(TaskStatus.DLQ);
        assertThat(w.run("--read-only", "dlq", "ls").status()).isZero();
        Cli.Result dryOne = w.run("--read-only", "dlq", "replay", id.toString(), "--dry-run");
        assertThat(dryOne.out().strip()).isEqualTo("would replay dead letter " + id + " of task orders:1 on queue orders");
        assertThat(JSON.readTree(w.run("--read-only", "--json", "dlq", "replay", "--all", "--dry-run").out())
                .get("replayed").asLong()).isEqualTo(7);
    }
}
