package io.taskqueue;

/**
 * A custom retry delay, registered on a worker under a {@link Backoff#type()} name.
 */
@FunctionalInterface
public interface BackoffStrategy {
    /** Returned to fail the job now instead of retrying. */
    long NO_RETRY = -1;

    /**
     * The delay in milliseconds before the next attempt: 0 retries at once, {@link #NO_RETRY} fails
     * the job now.
     *
     * @param attemptsMade attempts made so far, including the one that just failed
     * @param backoff the job's backoff option
     * @param error what the attempt threw
     * @param job the job
     */
    long delayMillis(int attemptsMade, Backoff backoff, Throwable error, Job job) throws Exception;
}
