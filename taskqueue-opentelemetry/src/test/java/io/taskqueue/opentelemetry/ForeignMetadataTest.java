package io.taskqueue.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.taskqueue.Handlers;
import io.taskqueue.JobOptions;
import io.taskqueue.JobQueue;
import io.taskqueue.TaskQueue;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Jobs whose metadata some other producer wrote: what bullmq-otel writes is continued, and missing
 * or damaged metadata starts a new trace without failing the job. Only the consumer side is
 * installed here, so the metadata reaches the worker as given.
 */
class ForeignMetadataTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String NODE_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String NODE_SPAN = "00f067aa0ba902b7";

    private static SpanData consumerOf(String metadata) {
        try (Tracing tracing = new Tracing();
                TaskQueue taskQueue = TaskQueue.builder().backend("memory:")
                        .interceptor(new ConsumerTracing(tracing.sdk.getTracer("test"),
                                new TraceMetadata(W3CTraceContextPropagator.getInstance()), Clock.systemUTC()))
                        .build()) {
            JobQueue queue = taskQueue.queue("q");
            String id = queue.add("j", 1, JobOptions.builder().telemetryMetadata(metadata).build());
            taskQueue.worker("q").handlers(Handlers.builder().on("j", ctx -> 1).build()).build().start();
            assertThat(queue.awaitFinished(id, PATIENCE).returnValueJson()).as("the job ran").isEqualTo("1");
            return tracing.await(SpanKind.CONSUMER, 1).get(0);
        }
    }

    @Test
    void whatBullmqOtelWritesIsContinued() {
        SpanData consumer = consumerOf("{\"traceparent\":\"00-" + NODE_TRACE + "-" + NODE_SPAN + "-01\"}");
        assertThat(consumer.getTraceId()).isEqualTo(NODE_TRACE);
        assertThat(consumer.getParentSpanId()).isEqualTo(NODE_SPAN);
        assertThat(consumer.getParentSpanContext().isRemote()).isTrue();
    }

    @Test
    void missingOrDamagedMetadataStartsANewTrace() {
        for (String metadata : new String[] {null, "", "not json", "[1,2]", "{\"traceparent\":42}",
            "{\"traceparent\":\"00-zz-yy-01\"}"}) {
            SpanData consumer = consumerOf(metadata);
            assertThat(consumer.getParentSpanContext().isValid()).as("metadata %s", metadata).isFalse();
            assertThat(consumer.getTraceId()).isNotEqualTo(NODE_TRACE);
        }
    }
}
