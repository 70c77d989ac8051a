package io.taskqueue.opentelemetry;

import static io.taskqueue.opentelemetry.SpanAttributes.*;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.taskqueue.EnqueueInterceptor;
import io.taskqueue.JobRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One producer span per add, named and shaped as BullMQ names its own ({@code add <queue>.<job>}
 * for one job, {@code addBulk <queue>} for several), with the span's context stored in every job
 * of the add so that the consumer continues the trace.
 */
final class ProducerTracing implements EnqueueInterceptor {
    private final Tracer tracer;
    private final TraceMetadata metadata;

    ProducerTracing(Tracer tracer, TraceMetadata metadata) {
        this.tracer = tracer;
        this.metadata = metadata;
    }

    @Override
    public List<String> intercept(String queueName, List<JobRequest> requests, Invocation next) {
        boolean single = requests.size() == 1;
        String operation = single ? "add" : "addBulk";
        String name = single ? operation + " " + queueName + "." + requests.get(0).name()
                : operation + " " + queueName;
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, SYSTEM)
                .setAttribute(DESTINATION_NAME, queueName)
                .setAttribute(OPERATION_TYPE, "send")
                .setAttribute(OPERATION_NAME, operation)
                .setAttribute(QUEUE_NAME, queueName)
                .setAttribute(QUEUE_OPERATION, operation);
        if (single) {
            builder.setAttribute(JOB_NAME, requests.get(0).name());
        } else {
            builder.setAttribute(BATCH_COUNT, (long) requests.size())
                    .setAttribute(BULK_COUNT, (long) requests.size())
                    .setAttribute(BULK_NAMES, requests.stream().map(JobRequest::name).toList());
        }
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            // Every job of the add carries the producer span, as in Node, replacing metadata that
            // came with the options: the span now running is where these jobs come from.
            String text = metadata.write(Context.current());
            List<String> ids = next.proceed(text == null ? requests : stamp(requests, text));
            if (single) {
                span.setAttribute(MESSAGE_ID, ids.get(0));
                span.setAttribute(JOB_ID, ids.get(0));
            }
            return ids;
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    private static List<JobRequest> stamp(List<JobRequest> requests, String text) {
        List<JobRequest> out = new ArrayList<>(requests.size());
        for (JobRequest r : requests) {
            out.add(new JobRequest(r.name(), r.data(), r.options().toBuilder().telemetryMetadata(text).build()));
        }
        return out;
    }
}
