package io.taskqueue.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.taskqueue.TaskQueueExtension;
import java.util.Objects;

/**
 * Traces a {@link io.taskqueue.TaskQueue} with OpenTelemetry: a {@code PRODUCER} span for every add
 * to a queue and a {@code CONSUMER} span around every handler, the child of the producer span. The
 * producer's context is stored in the job's options ({@code opts.tm}, the JSON text of W3C
 * trace-context headers) exactly as BullMQ's {@code bullmq-otel} stores it, so Node producers and
 * workers with {@code bullmq-otel} share traces with Java ones.
 *
 * <pre>{@code
 * TaskQueue taskQueue = TaskQueue.builder().backend("redis://localhost:6379")
 *         .extension(TaskQueueTracing.create(openTelemetry))
 *         .build();
 * }</pre>
 *
 * <p>Inside a handler, {@code Span.current()} is the consumer span. Flows and job-scheduler
 * iterations are added without a producer span of their own.
 */
public final class TaskQueueTracing implements TaskQueueExtension {
    /** The instrumentation scope name of the tracer. */
    public static final String INSTRUMENTATION_NAME = "io.taskqueue.opentelemetry";

    private final OpenTelemetry openTelemetry;
    private final TextMapPropagator propagator;

    private TaskQueueTracing(OpenTelemetry openTelemetry, TextMapPropagator propagator) {
        this.openTelemetry = openTelemetry;
        this.propagator = propagator;
    }

    /**
     * Tracing with {@code openTelemetry}'s tracer, and its text-map propagator when it has one;
     * otherwise (an SDK built without propagators propagates nothing) W3C trace context, which is
     * what a Node process with {@code bullmq-otel} reads and writes by default.
     */
    public static TaskQueueTracing create(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        TextMapPropagator configured = openTelemetry.getPropagators().getTextMapPropagator();
        return new TaskQueueTracing(openTelemetry,
                configured.fields().isEmpty() ? W3CTraceContextPropagator.getInstance() : configured);
    }

    /**
     * Tracing with {@code openTelemetry}'s tracer and {@code propagator} for the context stored in
     * jobs (it must write and read what the other side's propagator does: W3C trace context for
     * {@code bullmq-otel}'s defaults).
     */
    public static TaskQueueTracing create(OpenTelemetry openTelemetry, TextMapPropagator propagator) {
        return new TaskQueueTracing(Objects.requireNonNull(openTelemetry, "openTelemetry"),
                Objects.requireNonNull(propagator, "propagator"));
    }

    @Override
    public void install(Installation installation) {
        Tracer tracer = openTelemetry.getTracer(INSTRUMENTATION_NAME);
        TraceMetadata metadata = new TraceMetadata(propagator);
        installation.addEnqueueInterceptor(new ProducerTracing(tracer, metadata));
        // The first interceptor added is the outermost: installed early, the consumer span covers
        // the interceptors registered after it, such as a tracker's claim.
        installation.addInterceptor(new ConsumerTracing(tracer, metadata, installation.clock()));
    }
}
