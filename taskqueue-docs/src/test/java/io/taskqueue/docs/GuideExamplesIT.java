package io.taskqueue.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Handlers;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.servers.RespClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The guide's flow example, on Redis (the in-memory backend has no flows). */
class GuideExamplesIT {
    @Test
    void aFlowParentSeesItsChildrenResults() {
        String prefix = "guide-" + System.nanoTime();
        try (RedisServer server = RedisServer.start()) {
            try (TaskQueue taskQueue = TaskQueue.open(server.uri() + "?prefix=" + prefix)) {
                taskQueue.worker("parts").handlers(Handlers.builder()
                        .on("count-orders", ctx -> 10).on("count-refunds", ctx -> 2).build()).build().start();
                taskQueue.worker("reports").handlers(Handlers.builder().on("summary", ctx -> "done").build())
                        .build().start();
                String parent = GuideFeatures.flows(taskQueue).id();
                var reports = taskQueue.queue("reports");
                assertThat(reports.awaitFinished(parent, Duration.ofSeconds(30)).returnValueJson()).isEqualTo("\"done\"");
                assertThat(reports.getChildrenValues(parent).values()).containsExactlyInAnyOrder("10", "2");
            } finally {
                try (RespClient client = server.client()) {
                    client.deleteMatching(prefix + "*");
                }
            }
        }
    }
}
