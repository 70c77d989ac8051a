package io.taskqueue;

/**
 * What {@link Worker#drain()} did.
 *
 * @param completed attempts that completed
 * @param failed attempts that failed for good (including cancelled)
 * @param retried attempts that failed and were scheduled to run again, or asked to run later
 */
public record DrainResult(int completed, int failed, int retried) {
    /** All attempts run. */
    public int total() {
        return completed + failed + retried;
    }
}
