package io.taskqueue;

import java.time.Duration;
import java.time.Instant;

/**
 * A worker's health at one moment, for liveness probes: a worker whose last successful fetch is
 * old while it has free slots has lost its backend.
 *
 * @param state the worker's life-cycle state
 * @param lastFetchAt when the backend last answered a fetch (with or without a job), or {@code null}
 * @param sinceLastFetch time since then, or {@code null}
 * @param activeJobs jobs running now
 * @param concurrency the most jobs it runs at once
 * @param completed attempts completed since start
 * @param failed attempts failed since start (retried or not)
 */
public record WorkerHealth(State state, Instant lastFetchAt, Duration sinceLastFetch, int activeJobs,
        int concurrency, long completed, long failed) {

    /** A worker's life cycle. */
    public enum State {
        /** Built, not started. */
        NEW,
        /** Fetching and running jobs. */
        RUNNING,
        /** Closing: no new fetches, waiting for active jobs. */
        CLOSING,
        /** Closed. */
        CLOSED
    }

    /** True when running and the backend answered within {@code maxSilence}. */
    public boolean isHealthy(Duration maxSilence) {
        return state == State.RUNNING && sinceLastFetch != null && sinceLastFetch.compareTo(maxSilence) <= 0;
    }
}
