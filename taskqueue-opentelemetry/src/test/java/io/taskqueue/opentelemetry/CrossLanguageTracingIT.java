package io.taskqueue.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.taskqueue.Handlers;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import io.taskqueue.servers.RedisServer;
import io.taskqueue.testing.junit.RedisExtension;
import io.taskqueue.testing.junit.RedisTestPrefix;
import io.taskqueue.testing.node.NodeScripts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace across runtimes on a real Redis: Node BullMQ with bullmq-otel on one side, taskqueue with
 * {@link TaskQueueTracing} on the other, each with an in-memory exporter; the consumer span of one
 * must be the child of the other's producer span.
 */
@ExtendWith(RedisExtension.class)
class CrossLanguageTracingIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** OpenTelemetry JS's numbers for span kinds. */
    private static final int NODE_PRODUCER = 3;
    private static final int NODE_CONSUMER = 4;

    private static Map<String, Object> config(RedisServer server, RedisTestPrefix prefix, String queue) {
        return Map.of("url", server.uri().toString(), "prefix", prefix.value(), "queue", queue);
    }

    private static TaskQueue javaSide(RedisServer server, RedisTestPrefix prefix, Tracing tracing) {
        return TaskQueue.builder().backend(server.uri() + "?prefix=" + prefix.value())
                .extension(TaskQueueTracing.create(tracing.sdk)).build();
    }

    private static List<JsonNode> spans(JsonNode result, int kind) {
        List<JsonNode> out = new ArrayList<>();
        result.get("spans").forEach(s -> {
            if (s.get("kind").asInt() == kind) {
                out.add(s);
            }
        });
        return out;
    }

    @Test
    void aTraceStartedByANodeProducerContinuesInAJavaWorker(RedisServer server, RedisTestPrefix prefix) {
        Map<String, Object> cfg = new java.util.HashMap<>(config(server, prefix, "n2j"));
        cfg.put("jobs", List.of(Map.of("name", "send", "data", Map.of("to", "a@b.c"))));
        JsonNode node = NodeSide.run("add", cfg);
        String id = node.get("ids").get(0).asText();
        JsonNode producer = spans(node, NODE_PRODUCER).get(0);
        assertThat(producer.get("name").asText()).isEqualTo("add n2j.send");

        AtomicReference<SpanContext> inHandler = new AtomicReference<>();
        try (Tracing tracing = new Tracing(); TaskQueue taskQueue = javaSide(server, prefix, tracing)) {
            JobQueue queue = taskQueue.queue("n2j");
            taskQueue.worker("n2j").handlers(Handlers.builder().on("send", ctx -> {
                inHandler.set(Span.current().getSpanContext());
                return "sent";
            }).build()).build().start();
            assertThat(queue.awaitFinished(id, PATIENCE).returnValueJson()).isEqualTo("\"sent\"");

            SpanData consumer = tracing.await(SpanKind.CONSUMER, 1).get(0);
            assertThat(consumer.getName()).isEqualTo("process n2j");
            assertThat(consumer.getTraceId()).isEqualTo(producer.get("traceId").asText());
            assertThat(consumer.getParentSpanId()).isEqualTo(producer.get("spanId").asText());
            assertThat(inHandler.get()).isEqualTo(consumer.getSpanContext());
            assertThat(queue.getJob(id).orElseThrow().options().telemetryMetadata())
                    .as("Java reads the text Node stored").contains(producer.get("spanId").asText());
        }
    }

    @Test
    void aTraceStartedByAJavaProducerContinuesInANodeWorker(RedisServer server, RedisTestPrefix prefix) {
        Map<String, Object> cfg = new java.util.HashMap<>(config(server, prefix, "j2n"));
        cfg.put("count", 1);
        NodeScripts.Background worker = NodeSide.start("work", cfg);
        SpanData producer;
        String stored;
        try (Tracing tracing = new Tracing(); TaskQueue taskQueue = javaSide(server, prefix, tracing)) {
            JobQueue queue = taskQueue.queue("j2n");
            String id = queue.add("send", Map.of("to", "a@b.c"));
            producer = tracing.await(SpanKind.PRODUCER, 1).get(0);
            stored = queue.getJob(id).orElseThrow().options().telemetryMetadata();
        }
        JsonNode node = worker.result();
        assertThat(node.get("finished").asInt()).isEqualTo(1);
        JsonNode consumer = spans(node, NODE_CONSUMER).get(0);
        assertThat(consumer.get("name").asText()).isEqualTo("process j2n");
        assertThat(consumer.get("traceId").asText()).isEqualTo(producer.getTraceId());
        assertThat(consumer.get("parentSpanId").asText()).isEqualTo(producer.getSpanId());
        JsonNode seen = node.get("seen").get(0);
        assertThat(seen.get("tm").asText()).as("Node reads the text Java stored").isEqualTo(stored);
        assertThat(seen.get("activeSpanId").asText()).isEqualTo(consumer.get("spanId").asText());
    }
}
