/**
 * OpenTelemetry tracing for taskqueue: install {@link io.taskqueue.opentelemetry.TaskQueueTracing} on a
 * {@link io.taskqueue.TaskQueue} to get a producer span for every add and a consumer span around
 * every handler, parented to the producer's span. The span context travels in the job's options
 * exactly as BullMQ's {@code bullmq-otel} stores it ({@code opts.tm}), so a trace started by a Node
 * producer continues in a Java worker and the reverse.
 */
package io.taskqueue.opentelemetry;
