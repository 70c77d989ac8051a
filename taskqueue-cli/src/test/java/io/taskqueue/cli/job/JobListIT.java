package io.taskqueue.cli.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.JobQueue;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.JsonShapes;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.MutableClock;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code job ls} on Redis: pages and cursors, the name filter across batches, the JSON shape. */
@ExtendWith(RedisExtension.class)
class JobListIT {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void pagesThroughAStateWithCursors(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix, MutableClock.at(T0))) {
            f.add(f.queue("mail"), 12, i -> i % 2 == 0 ? "send" : "bounce");

            Cli.Result first = f.cli("job", "ls", "mail", "--state", "waiting", "--limit", "5");
            assertThat(first.status()).as(first.toString()).isZero();
            assertThat(first.out()).isEqualTo(table(1, 5, "5 jobs of 12 waiting; next page: --cursor 5"));

            Cli.Result second = f.cli("job", "ls", "mail", "--state", "waiting", "--limit", "5", "--cursor", "5");
            assertThat(second.out()).isEqualTo(table(6, 10, "5 jobs of 12 waiting; next page: --cursor 10"));

            Cli.Result last = f.cli("job", "ls", "mail", "--state", "waiting", "--limit", "5", "--cursor", "10");
            assertThat(last.out()).isEqualTo(table(11, 12, "2 jobs of 12 waiting; no more pages"));

            Cli.Result empty = f.cli("job", "ls", "mail", "--state", "failed");
            assertThat(empty.out()).isEqualTo("""
                    ID  NAME  STATE  ATTEMPTS  CREATED  PROCESSED  FINISHED  FAILED REASON
                    0 jobs of 0 failed; no more pages
                    """);
        }
    }

    /** Rows {@code from..to} of the twelve jobs above, with the footer. */
    private static String table(int from, int to, String footer) {
        StringBuilder out = new StringBuilder(
                "ID  NAME    STATE    ATTEMPTS  CREATED               PROCESSED  FINISHED  FAILED REASON\n");
        for (int id = from; id <= to; id++) {
            String name = id % 2 == 1 ? "send  " : "bounce";
            out.append(String.format("%-2d  %s  waiting  0/1       2024-05-01T12:00:00Z  -          -         -%n",
                    id, name));
        }
        return out.append(footer).append('\n').toString();
    }

    @Test
    void failedJobsShowTheirTimesAndTheFirstLineOfTheirReason(RedisServer server, RedisTestPrefix prefix) {
        MutableClock clock = MutableClock.at(T0);
        try (JobFixture f = new JobFixture(server, prefix, clock)) {
            JobQueue queue = f.queue("mail");
            List<String> ids = f.add(queue, 2, i -> "send");
            clock.advance(Duration.ofSeconds(5));
            queue.cancel(ids.get(1));

            Cli.Result r = f.cli("job", "ls", "mail", "--state", "failed");
            assertThat(r.out()).isEqualTo("""
                    ID  NAME  STATE   ATTEMPTS  CREATED               PROCESSED  FINISHED              FAILED REASON
                    2   send  failed  0/1       2024-05-01T12:00:00Z  -          2024-05-01T12:00:05Z  cancelled
                    1 job of 1 failed; no more pages
                    """);
        }
    }

    @Test
    void aNameFilterScansForwardInBatchesAndSaysHowFar(RedisServer server, RedisTestPrefix prefix) {
        try (JobFixture f = new JobFixture(server, prefix)) {
            Set<Integer> rare = Set.of(100, 1200, 1300, 2400);
            List<String> ids = f.add(f.queue("big"), 2_500, i -> rare.contains(i) ? "rare" : "common");

            JsonNode first = JsonShapes.parse(f.cli("--json", "job", "ls", "big", "--state", "waiting", "--name", "rare",
                    "--limit", "2").out());
            assertThat(idsOf(first)).containsExactly(ids.get(100), ids.get(1200));
            assertThat(first.get("scanned").asLong()).isEqualTo(1_201);
            assertThat(first.get("nextCursor").asText()).isEqualTo("1201");
            assertThat(first.get("total").asLong()).isEqualTo(2_500);

            JsonNode second = JsonShapes.parse(f.cli("--json", "job", "ls", "big", "--state", "waiting", "--name",
                    "rare", "--limit", "2", "--cursor", "1201").out());
            assertThat(idsOf(second)).containsExactly(ids.get(1300), ids.get(2400));
            assertThat(second.get("scanned").asLong()).isEqualTo(1_200);
            assertThat(second.get("nextCursor").asText()).isEqualTo("2401");

            JsonNode third = JsonShapes.parse(f.cli("--json", "job", "ls", "big", "--state", "waiting", "--name",
                    "rare", "--limit", "2", "--cursor", "2401").out());
            assertThat(idsOf(third)).isEmpty();
            assertThat(third.get("scanned").asLong()).isEqualTo(99);
            assertThat(third.get("nextCursor").isNull()).isTrue();

            Cli.Result table = f.cli("job", "ls", "big", "--state", "waiting", "--name", "rare", "--limit", "2");
            assertThat(table.out().lines().reduce((a, b) -> b).orElseThrow())
                    .isEqualTo("2 jobs of 2,500 waiting (named 'rare'; scanned 1,201); next page: --cursor 1201");
        }
    }

    @Test
    void theJsonHasTheDocumentedShape(RedisServer server, RedisTestPrefix prefix) {
        MutableClock clock = MutableClock.at(T0);
        try (JobFixture f = new JobFixture(server, prefix, clock)) {
            JobQueue queue = f.queue("mail");
            List<String> ids = f.add(queue, 3, i -> i == 1 ? "other" : "send");
            clock.advance(Duration.ofMillis(250));
            ids.forEach(queue::cancel);

            Cli.Result r = f.cli("--json", "job", "ls", "mail", "--state", "failed", "--name", "send", "--limit", "1");
            assertThat(r.status()).as(r.toString()).isZero();
            JsonNode page = JsonShapes.parse(r.out());
            JsonShapes.assertMatches(page, "job ls");
            assertThat(page).isEqualTo(JsonShapes.parse("""
                    {"queue": "mail", "state": "failed", "name": "send", "cursor": "0", "limit": 1, "total": 3,
                     "scanned": 1, "nextCursor": "1",
                     "jobs": [{"id": "1", "name": "send", "state": "failed", "attemptsMade": 0, "attempts": 1,
                               "timestamp": 1714564800000, "processedOn": null, "finishedOn": 1714564800250,
                               "failedReason": "cancelled"}]}
                    """));
        }
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("jobs").forEach(j -> ids.add(j.get("id").asText()));
        return ids;
    }
}
