package io.taskqueue.postgres;

/**
 * A snapshot of the tracker's write path, for health checks and metrics. Counters run from the
 * tracker's start.
 *
 * @param databaseAvailable false while the circuit breaker treats the database as down
 * @param pendingWrites writes waiting in the buffer (including a batch being retried)
 * @param writtenWrites writes stored
 * @param droppedWrites writes lost: the buffer was full, a write was rejected by the database, or
 *     the tracker closed before it could store them
 * @param failedFlushes batches that failed and were kept for a retry
 * @param uncheckedEnqueues enqueues that went ahead without the duplicate check
 * @param unclaimedRuns attempts that ran without a claim because the database did not answer
 * @param claimsRefused attempts whose handler was skipped as already processed
 */
public record TrackerHealth(
        boolean databaseAvailable,
        long pendingWrites,
        long writtenWrites,
        long droppedWrites,
        long failedFlushes,
        long uncheckedEnqueues,
        long unclaimedRuns,
        long claimsRefused) {
}
