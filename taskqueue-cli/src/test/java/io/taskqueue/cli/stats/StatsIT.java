package io.taskqueue.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.WorkerOptions;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.JsonShapes;
import io.taskqueue.cli.RedisCli;
import io.taskqueue.cli.TaskqueueCli;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code taskqueue stats} on a real Redis: the table, the JSON shape and {@code --watch}. */
@ExtendWith(RedisExtension.class)
class StatsIT {
    @Test
    void everyQueueWithCountsThroughputPausedAndWorkers(RedisServer server, RedisTestPrefix prefix) {
        RedisCli cli = new RedisCli(server, prefix);
        try (TaskQueue tq = cli.taskQueue(); RespClient redis = server.client()) {
            JobQueue emails = tq.queue("emails");
            emails.add("send", Map.of());
            emails.add("send", Map.of());
            emails.pause();
            tq.worker("emails").handlers(Handlers.builder().on("send", ctx -> null).build())
                    .options(WorkerOptions.builder().name("mailer-1").build()).build().start();
            tq.queue("thumbs").add("resize", Map.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> emails.workers().size() == 1);
            RedisCli.awayFromTheEndOfAMinute();
            long now = System.currentTimeMillis();
            String completed = prefix.key("emails:metrics:completed");
            redis.call("HSET", completed, "count", "130", "prevTS", Long.toString(now), "prevCount", "125");
            redis.call("RPUSH", completed + ":data", "3", "0", "117");
            String failed = prefix.key("emails:metrics:failed");
            redis.call("HSET", failed, "count", "2", "prevTS", Long.toString(now - 2 * 60_000), "prevCount", "1");
            redis.call("RPUSH", failed + ":data", "1");

            Cli.Result table = cli.run("stats");
            assertThat(table.status()).as(table.toString()).isZero();
            assertThat(table.out()).isEqualTo("""
                    QUEUE   PAUSED  WAITING  PRIORITIZED  DELAYED  ACTIVE  COMPLETED  FAILED  DONE/MIN  DONE/HOUR  FAILED/MIN  FAILED/HOUR  WORKERS
                    emails  yes     2        0            0        0       0          0       3         120        0           2            1
                    thumbs  no      1        0            0        0       0          0       -         -          -           -            0
                    """);
            assertThat(table.err()).isEmpty();

            JsonNode json = RedisCli.json(cli.run("--json", "stats"));
            JsonShapes.assertMatches(json, "stats");
            JsonNode queues = json.get("queues");
            assertThat(queues).hasSize(2);
            JsonNode e = queues.get(0);
            assertThat(e.get("name").asText()).isEqualTo("emails");
            assertThat(e.get("paused").asBoolean()).isTrue();
            assertThat(e.get("counts").toString()).isEqualTo("{\"waiting\":2,\"prioritized\":0,\"delayed\":0,"
                    + "\"active\":0,\"waiting-children\":0,\"completed\":0,\"failed\":0}");
            assertThat(e.get("workers").asInt()).isEqualTo(1);
            assertThat(e.get("completed").toString()).isEqualTo("{\"lastMinute\":3,\"lastHour\":120,\"total\":130}");
            assertThat(e.get("failed").toString()).isEqualTo("{\"lastMinute\":0,\"lastHour\":2,\"total\":2}");
            JsonNode t = queues.get(1);
            assertThat(t.get("name").asText()).isEqualTo("thumbs");
            assertThat(t.get("paused").asBoolean()).isFalse();
            assertThat(t.get("workers").asInt()).isZero();
            assertThat(t.get("completed").isNull()).isTrue();
            assertThat(t.get("failed").isNull()).isTrue();
            List<String> fields = new java.util.ArrayList<>();
            e.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("name", "paused", "counts", "workers", "completed", "failed");
        }
    }

    @Test
    void watchRedrawsInPlaceUntilInterrupted(RedisServer server, RedisTestPrefix prefix) throws Exception {
        RedisCli cli = new RedisCli(server, prefix);
        try (TaskQueue tq = cli.taskQueue()) {
            tq.queue("emails").add("send", Map.of());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            TaskqueueCli.Terminal terminal = new TaskqueueCli.Terminal(true, new ByteArrayInputStream(new byte[0]),
                    new PrintWriter(out, true), new PrintWriter(err, true));
            AtomicInteger status = new AtomicInteger(-1);
            Thread watcher = new Thread(() -> status.set(TaskqueueCli.run(new String[] {"--url",
                server.uri().toString(), "--prefix", prefix.value(), "stats", "--watch", "1"}, terminal, new HashMap<>(), Clock.systemUTC())));
            watcher.start();
            // A first frame, then a job added afterwards shows in a later one.
            await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("\nemails  no      1"));
            tq.queue("emails").add("send", Map.of());
            await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("\nemails  no      2"));
            watcher.interrupt();
            watcher.join(20_000);
            assertThat(watcher.isAlive()).isFalse();
            assertThat(status.get()).as(err.toString()).isZero();
            String[] frames = out.toString().split(java.util.regex.Pattern.quote(StatsCommand.CLEAR), -1);
            assertThat(frames[0]).as("nothing before the first frame").isEmpty();
            assertThat(frames.length).isGreaterThanOrEqualTo(3);
            for (int i = 1; i < frames.length - 1; i++) {
                assertThat(frames[i]).startsWith(tq.describe() + "  ").contains("  (every 1s; Ctrl-C to stop)\n\nQUEUE ");
            }
            assertThat(frames[1]).contains("\nemails  no      1        0");
        }
    }

}
