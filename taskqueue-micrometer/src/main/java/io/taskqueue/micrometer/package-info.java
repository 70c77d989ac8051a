/**
 * Micrometer meters for a {@link io.taskqueue.TaskQueue}: install
 * {@link io.taskqueue.micrometer.TaskQueueMetrics} with
 * {@link io.taskqueue.TaskQueue.Builder#extension}. The meters and their tags are listed in
 * {@link io.taskqueue.micrometer.MeterNames} and in {@code docs/observability.md}.
 */
package io.taskqueue.micrometer;
