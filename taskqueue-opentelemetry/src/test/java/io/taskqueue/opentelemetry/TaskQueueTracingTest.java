package io.taskqueue.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.JobRequest;
import io.taskqueue.JobState;
import io.taskqueue.PayloadTooLargeException;
import io.taskqueue.TaskQueue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans on the in-memory backend: names, kinds, attributes, parents, errors and the handler's context. */
class TaskQueueTracingTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final Tracing tracing = new Tracing();
    private final AtomicReference<SpanContext> inHandler = new AtomicReference<>();
    private final TaskQueue taskQueue = TaskQueue.builder().backend("memory:").maxPayloadBytes(1_000)
            .extension(TaskQueueTracing.create(tracing.sdk)).build();

    @AfterEach
    void close() {
        taskQueue.close();
        tracing.close();
    }

    private void startWorker() {
        taskQueue.worker("mail").handlers(Handlers.builder()
                .on("send", ctx -> {
                    inHandler.set(Span.current().getSpanContext());
                    return "sent";
                })
                .on("boom", ctx -> {
                    throw new IllegalStateException("smtp down");
                }).build()).build().start();
    }

    @Test
    void theConsumerSpanIsTheChildOfTheProducerSpanAndCurrentInTheHandler() {
        JobQueue queue = taskQueue.queue("mail");
        String id = queue.add("send", "hi");
        startWorker();
        assertThat(queue.awaitFinished(id, PATIENCE).returnValueJson()).isEqualTo("\"sent\"");

        SpanData producer = tracing.await(SpanKind.PRODUCER, 1).get(0);
        SpanData consumer = tracing.await(SpanKind.CONSUMER, 1).get(0);
        assertThat(producer.getName()).isEqualTo("add mail.send");
        assertThat(producer.getParentSpanContext().isValid()).as("no span was current at add").isFalse();
        assertThat(producer.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("messaging.system"), "bullmq")
                .containsEntry(AttributeKey.stringKey("messaging.destination.name"), "mail")
                .containsEntry(AttributeKey.stringKey("messaging.operation.type"), "send")
                .containsEntry(AttributeKey.stringKey("messaging.message.id"), id)
                .containsEntry(AttributeKey.stringKey("bullmq.queue.name"), "mail")
                .containsEntry(AttributeKey.stringKey("bullmq.queue.operation"), "add")
                .containsEntry(AttributeKey.stringKey("bullmq.job.name"), "send")
                .containsEntry(AttributeKey.stringKey("bullmq.job.id"), id);

        assertThat(consumer.getName()).isEqualTo("process mail");
        assertThat(consumer.getTraceId()).isEqualTo(producer.getTraceId());
        assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
        assertThat(consumer.getAttributes().asMap())
                .containsEntry(AttributeKey.stringKey("messaging.operation.type"), "process")
                .containsEntry(AttributeKey.stringKey("messaging.message.id"), id)
                .containsEntry(AttributeKey.stringKey("bullmq.queue.operation"), "process")
                .containsEntry(AttributeKey.stringKey("bullmq.job.id"), id)
                .containsEntry(AttributeKey.stringKey("bullmq.job.name"), "send")
                .containsEntry(AttributeKey.longKey("bullmq.job.attempts.made"), 0L);
        assertThat(consumer.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(inHandler.get()).isEqualTo(consumer.getSpanContext());
    }

    @Test
    void theJobCarriesTheProducerContextAsBullmqOtelStoresIt() {
        JobQueue queue = taskQueue.queue("mail");
        String id = queue.add("send", "hi", JobOptions.builder().telemetryMetadata("{\"traceparent\":\"stale\"}").build());
        SpanData producer = tracing.await(SpanKind.PRODUCER, 1).get(0);
        assertThat(queue.getJob(id).orElseThrow().options().telemetryMetadata())
                .isEqualTo("{\"traceparent\":\"00-" + producer.getTraceId() + "-" + producer.getSpanId() + "-"
                        + producer.getSpanContext().getTraceFlags().asHex() + "\"}");
    }

    @Test
    void anAddInsideASpanContinuesItsTrace() {
        Span outer = tracing.sdk.getTracer("test").spanBuilder("request").startSpan();
        try (Scope ignored = outer.makeCurrent()) {
            taskQueue.queue("mail").add("send", "hi");
        } finally {
            outer.end();
        }
        SpanData producer = tracing.await(SpanKind.PRODUCER, 1).get(0);
        assertThat(producer.getParentSpanId()).isEqualTo(outer.getSpanContext().getSpanId());
        assertThat(producer.getTraceId()).isEqualTo(outer.getSpanContext().getTraceId());
    }

    @Test
    void aFailingHandlerIsRecordedOnTheConsumerSpan() {
        JobQueue queue = taskQueue.queue("mail");
        String id = queue.add("boom", 1);
        startWorker();
        assertThat(queue.awaitFinished(id, PATIENCE).failedReason()).isEqualTo("smtp down");
        SpanData consumer = tracing.await(SpanKind.CONSUMER, 1).get(0);
        assertThat(consumer.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(consumer.getStatus().getDescription()).isEqualTo("smtp down");
        assertThat(consumer.getEvents()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("exception");
            assertThat(e.getAttributes().get(AttributeKey.stringKey("exception.type")))
                    .isEqualTo(IllegalStateException.class.getName());
        });
        assertThat(consumer.getAttributes().get(AttributeKey.stringKey("bullmq.job.failed.reason"))).isEqualTo("smtp down");
    }

    @Test
    void aBulkAddIsOneSpanThatEveryJobContinues() {
        JobQueue queue = taskQueue.queue("mail");
        List<String> ids = queue.addBulk(List.of(new JobRequest("send", 1, null), new JobRequest("send", 2, null)));
        startWorker();
        ids.forEach(id -> queue.awaitFinished(id, PATIENCE));
        SpanData producer = tracing.await(SpanKind.PRODUCER, 1).get(0);
        assertThat(producer.getName()).isEqualTo("addBulk mail");
        assertThat(producer.getAttributes().get(AttributeKey.longKey("messaging.batch.message_count"))).isEqualTo(2L);
        assertThat(producer.getAttributes().get(AttributeKey.stringArrayKey("bullmq.job.bulk.names")))
                .containsExactly("send", "send");
        assertThat(tracing.await(SpanKind.CONSUMER, 2)).hasSize(2)
                .allSatisfy(c -> assertThat(c.getParentSpanId()).isEqualTo(producer.getSpanId()));
    }

    @Test
    void aFailedAddIsRecordedOnTheProducerSpan() {
        JobQueue queue = taskQueue.queue("mail");
        assertThatThrownBy(() -> queue.add("send", "x".repeat(2_000))).isInstanceOf(PayloadTooLargeException.class);
        SpanData producer = tracing.await(SpanKind.PRODUCER, 1).get(0);
        assertThat(producer.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(producer.getEvents()).extracting(e -> e.getName()).contains("exception");
        assertThat(queue.counts().get(JobState.WAITING)).isZero();
    }
}
