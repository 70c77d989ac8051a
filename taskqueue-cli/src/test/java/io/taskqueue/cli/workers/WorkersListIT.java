package io.taskqueue.cli.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskqueue.Handlers;
import io.taskqueue.TaskQueue;
import io.taskqueue.WorkerOptions;
import io.taskqueue.cli.Cli;
import io.taskqueue.cli.RedisCli;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code taskqueue workers ls} on a real Redis. */
@ExtendWith(RedisExtension.class)
class WorkersListIT {
    @Test
    void theWorkersOfEveryQueueOrOfOne(RedisServer server, RedisTestPrefix prefix) {
        RedisCli cli = new RedisCli(server, prefix);
        Handlers handlers = Handlers.builder().on("job", ctx -> null).build();
        try (TaskQueue tq = cli.taskQueue()) {
            tq.queue("emails").add("job", Map.of());
            tq.queue("thumbs").add("job", Map.of());
            Instant before = Instant.now().minusSeconds(1);
            tq.worker("emails").handlers(handlers).options(WorkerOptions.builder().name("mailer-1").build()).build()
                    .start();
            tq.worker("thumbs").handlers(handlers).build().start();
            await().atMost(Duration.ofSeconds(20)).until(() -> RedisCli.json(cli.run("--json", "workers", "ls")).size() == 2);

            JsonNode rows = RedisCli.json(cli.run("--json", "workers", "ls"));
            JsonNode mailer = rows.get(0);
            assertThat(mailer.get("queue").asText()).isEqualTo("emails");
            assertThat(mailer.get("name").asText()).isEqualTo("mailer-1");
            assertThat(mailer.get("id").asText()).matches("\\d+");
            assertThat(mailer.get("address").asText()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(Instant.parse(mailer.get("connectedSince").asText())).isBetween(before.minusSeconds(1),
                    Instant.now());
            assertThat(mailer.get("idleSeconds").asLong()).isBetween(0L, 20L);
            JsonNode unnamed = rows.get(1);
            assertThat(unnamed.get("queue").asText()).isEqualTo("thumbs");
            assertThat(unnamed.get("name").isNull()).isTrue();

            Cli.Result table = cli.run("workers", "ls", "emails");
            assertThat(table.status()).as(table.toString()).isZero();
            assertThat(table.out().lines().toList()).hasSize(2);
            assertThat(table.out().lines().toList().get(0)).matches("QUEUE   NAME      ID +ADDRESS +CONNECTED SINCE +IDLE");
            assertThat(table.out().lines().toList().get(1))
                    .matches("emails  mailer-1  \\d+ +127\\.0\\.0\\.1:\\d+ +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +\\d+s");
        }
    }
}
