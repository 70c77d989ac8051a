package io.taskqueue.cli.queue;

import io.taskqueue.RateLimit;
import io.taskqueue.cli.Durations;
import io.taskqueue.cli.stats.Throughput;
import io.taskqueue.cli.workers.WorkerRow;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code taskqueue queue inspect} shows about one queue; also its {@code --json} shape
 * (docs/cli.md). A part the backend lacks the capability for is {@code null}.
 *
 * @param name the queue
 * @param backend the backend, password masked
 * @param paused whether it is paused
 * @param counts jobs by state (wire names)
 * @param limits its global limits
 * @param groupDefaults the limits of groups without their own
 * @param schedulers how many job schedulers it has
 * @param workers the workers connected to it
 * @param completed completed-job throughput, {@code null} when no metrics are collected
 * @param failed failed-job throughput, {@code null} when no metrics are collected
 * @param capabilities what the backend can do (capability names)
 */
public record QueueDetails(String name, String backend, Boolean paused, Map<String, Long> counts, Limits limits,
        GroupDefaults groupDefaults, Integer schedulers, List<WorkerRow> workers, Throughput completed,
        Throughput failed, List<String> capabilities) {

    /**
     * A rate limit: {@code max} job starts per {@code durationMillis}.
     *
     * @param max starts per window
     * @param durationMillis the window
     */
    public record Rate(int max, long durationMillis) {
        static Rate of(RateLimit limit) {
            return limit == null ? null : new Rate(limit.max(), limit.durationMillis());
        }

        @Override
        public String toString() {
            return max + " per " + Durations.format(java.time.Duration.ofMillis(durationMillis));
        }
    }

    /**
     * The queue's global limits.
     *
     * @param globalConcurrency the most jobs active at once, or {@code null}
     * @param globalRateLimit the rate limit of job starts, or {@code null}
     * @param rateLimitedForMillis how long the queue stays rate limited from now (0: it is not)
     */
    public record Limits(Integer globalConcurrency, Rate globalRateLimit, long rateLimitedForMillis) {
    }

    /**
     * The defaults of job groups.
     *
     * @param concurrency the default group concurrency, or {@code null}
     * @param rateLimit the default group rate limit, or {@code null}
     * @param groupsWaiting how many groups have jobs waiting in their own line
     */
    public record GroupDefaults(Integer concurrency, Rate rateLimit, int groupsWaiting) {
    }
}
