package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link HealthCheck}. Immutable; build with {@link #builder()}; every default is a
 * documented {@code DEFAULT_*} constant.
 *
 * @param interval how often the backend is asked whether it answers; an answer older than
 *     {@link HealthCheck#STALE_AFTER_INTERVALS} intervals counts as no answer
 * @param maxFetchSilence the longest a running worker with a free slot may go without a successful
 *     fetch and still count as healthy; keep it above the workers' {@link WorkerOptions#drainDelay()}
 * @param probeQueue the queue whose waiting jobs are counted to reach the backend when the task queue
 *     has no worker (otherwise the first worker's queue is asked); the count stores nothing
 */
public record HealthCheckOptions(Duration interval, Duration maxFetchSilence, String probeQueue) {
    /** Default interval between backend questions: 1 s. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** Default fetch silence tolerated: 30 s, six default drain delays. */
    public static final Duration DEFAULT_MAX_FETCH_SILENCE = Duration.ofSeconds(30);
    /** Default queue asked when there is no worker. */
    public static final String DEFAULT_PROBE_QUEUE = "health";

    public HealthCheckOptions {
        positive(interval, "interval");
        positive(maxFetchSilence, "maxFetchSilence");
        JobQueue.validateName(probeQueue);
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }

    /** The defaults. */
    public static HealthCheckOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link HealthCheckOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private Duration interval = DEFAULT_INTERVAL;
        private Duration maxFetchSilence = DEFAULT_MAX_FETCH_SILENCE;
        private String probeQueue = DEFAULT_PROBE_QUEUE;

        private Builder() {
        }

        /** How often the backend is asked (default {@link #DEFAULT_INTERVAL}). */
        public Builder interval(Duration interval) {
            this.interval = interval;
            return this;
        }

        /** The fetch silence tolerated of a worker with a free slot (default {@link #DEFAULT_MAX_FETCH_SILENCE}). */
        public Builder maxFetchSilence(Duration maxFetchSilence) {
            this.maxFetchSilence = maxFetchSilence;
            return this;
        }

        /** The queue asked when there is no worker (default {@value #DEFAULT_PROBE_QUEUE}). */
        public Builder probeQueue(String probeQueue) {
            this.probeQueue = probeQueue;
            return this;
        }

        /** The options. */
        public HealthCheckOptions build() {
            return new HealthCheckOptions(interval, maxFetchSilence, probeQueue);
        }
    }
}
