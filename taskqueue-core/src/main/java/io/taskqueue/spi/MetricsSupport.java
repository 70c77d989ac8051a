package io.taskqueue.spi;

import io.taskqueue.Metrics;

/**
 * Capability {@link io.taskqueue.Capability#METRICS}: per-minute counts of completed and failed
 * jobs, collected by finishes whose {@link FinishRequest#metricsMaxDataPoints()} is positive.
 */
public interface MetricsSupport {
    /** Data points {@code start..end} (inclusive; newest first; -1 is the last) of {@code type}. */
    Metrics getMetrics(Metrics.Type type, long start, long end);
}
