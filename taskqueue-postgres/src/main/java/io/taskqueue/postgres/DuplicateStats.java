package io.taskqueue.postgres;

/**
 * How well duplicate work is kept out.
 *
 * @param enqueuesPrevented enqueues turned away by the dedup window (stored, survives restarts)
 * @param tasksWithSeveralExecutions task ids with more than one execution (retries and replays
 *     included)
 * @param claimsRefused attempts whose handler was skipped as already processed, since this tracker
 *     started (in memory)
 */
public record DuplicateStats(long enqueuesPrevented, long tasksWithSeveralExecutions, long claimsRefused) {
}
