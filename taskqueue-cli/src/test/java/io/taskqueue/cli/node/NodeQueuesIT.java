package io.taskqueue.cli.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.TaskQueue;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.RedisCli;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import io.taskqueue.testing.node.NodeScripts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A queue made by Node BullMQ 6.7.0, with a Node worker connected: {@code queue ls},
 * {@code queue inspect}, {@code stats}, {@code workers ls} and {@code scheduler ls} show it as
 * Node left it. Fails, never skips, without node and npm.
 */
@ExtendWith(RedisExtension.class)
class NodeQueuesIT {
    @Test
    void aNodeMadeQueueAndItsNodeWorker(RedisServer server, RedisTestPrefix prefix) {
        NodeBullmq.ensureInstalled();
        RedisCli cli = new RedisCli(server, prefix);
        Map<String, Object> config = new HashMap<>(Map.of("url", server.uri().toString(), "prefix", prefix.value(),
                "queue", "node-made"));
        RedisCli.awayFromTheEndOfAMinute();
        JsonNode seeded = NodeBullmq.run("queues.js", "seed", config);
        assertThat(seeded.get("counts").get("completed").asInt()).isEqualTo(1);
        config.put("name", "node-worker-1");
        try (NodeScripts.Background worker = NodeBullmq.start("queues.js", "worker", config, true);
                TaskQueue tq = cli.taskQueue()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> tq.queue("node-made").workers().size() == 1);

            Cli.Result ls = cli.run("queue", "ls");
            assertThat(ls.out()).as(ls.toString()).isEqualTo("""
                    QUEUE      WAITING  PRIORITIZED  DELAYED  ACTIVE  COMPLETED  FAILED
                    node-made  2        0            2        0       1          1
                    """);

            Cli.Result inspect = cli.run("queue", "inspect", "node-made");
            assertThat(inspect.status()).as(inspect.toString()).isZero();
            assertThat(inspect.out()).contains("""
                    Paused:             yes
                    Jobs:               waiting 2, prioritized 0, delayed 2, active 0, waiting-children 0, completed 1, failed 1
                    Global concurrency: none
                    Global rate limit:  none
                    Rate limited:       no
                    """).contains("""
                    Schedulers:         1
                    Workers:            1 (node-worker-1 at 127.0.0.1:""").contains("""
                    Completed:          0 last minute, 0 last hour, 1 in all
                    Failed:             0 last minute, 0 last hour, 1 in all
                    """);

            Cli.Result stats = cli.run("stats");
            assertThat(stats.out()).as(stats.toString()).isEqualTo("""
                    QUEUE      PAUSED  WAITING  PRIORITIZED  DELAYED  ACTIVE  COMPLETED  FAILED  DONE/MIN  DONE/HOUR  FAILED/MIN  FAILED/HOUR  WORKERS
                    node-made  yes     2        0            2        0       1          1       0         0          0           0            1
                    """);

            JsonNode workers = RedisCli.json(cli.run("--json", "workers", "ls"));
            assertThat(workers).hasSize(1);
            assertThat(workers.get(0).get("queue").asText()).isEqualTo("node-made");
            assertThat(workers.get(0).get("name").asText()).isEqualTo("node-worker-1");
            assertThat(workers.get(0).get("address").asText()).startsWith("127.0.0.1:");

            Cli.Result schedulers = cli.run("scheduler", "ls", "node-made");
            assertThat(schedulers.out().lines().toList()).hasSize(2);
            assertThat(schedulers.out().lines().toList().get(1)).startsWith("node-nightly  report  cron 0 3 * * *  ")
                    .endsWith("  1           -");

            worker.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> tq.queue("node-made").workers().isEmpty());
        }
    }
}
