package io.taskqueue.opentelemetry;

import static io.taskqueue.opentelemetry.SpanAttributes.*;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.taskqueue.Job;
import io.taskqueue.JobContext;
import io.taskqueue.JobInterceptor;
import java.time.Clock;

/**
 * A consumer span around every handler ({@code process <queue>}, as BullMQ names it), a child of
 * the producer span whose context the job carries, and the current span while the handler runs, so
 * the handler's own spans (HTTP calls, queries) join the same trace.
 */
final class ConsumerTracing implements JobInterceptor {
    private final Tracer tracer;
    private final TraceMetadata metadata;
    private final Clock clock;

    ConsumerTracing(Tracer tracer, TraceMetadata metadata, Clock clock) {
        this.tracer = tracer;
        this.metadata = metadata;
        this.clock = clock;
    }

    @Override
    public Object intercept(JobContext<?> context, Invocation next) throws Exception {
        Job job = context.job();
        String queue = context.queueName();
        // A job without metadata (added untraced, or by an old producer) starts from whatever the
        // worker thread has, which is normally nothing: a new trace.
        Context parent = metadata.read(Context.current(), job.options().telemetryMetadata());
        Span span = tracer.spanBuilder("process " + queue).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MESSAGING_SYSTEM, SYSTEM)
                .setAttribute(DESTINATION_NAME, queue)
                .setAttribute(OPERATION_TYPE, "process")
                .setAttribute(OPERATION_NAME, "process")
                .setAttribute(MESSAGE_ID, job.id())
                .setAttribute(QUEUE_NAME, queue)
                .setAttribute(QUEUE_OPERATION, "process")
                .setAttribute(JOB_ID, job.id())
                .setAttribute(JOB_NAME, job.name())
                .setAttribute(JOB_ATTEMPTS_MADE, (long) job.attemptsMade())
                .startSpan();
        if (job.processedOn() != null) {
            span.setAttribute(PROCESSED_TIMESTAMP, job.processedOn());
        }
        try (Scope ignored = span.makeCurrent()) {
            return next.proceed();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            span.setAttribute(FAILED_REASON, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.setAttribute(ATTEMPT_FINISHED_TIMESTAMP, clock.millis());
            span.end();
        }
    }
}
