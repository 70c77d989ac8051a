package io.taskqueue;

/**
 * Runs one attempt of a job. Return the result to complete the job; throw to fail the attempt
 * (it is retried with backoff while attempts remain); throw {@link UnrecoverableJobException} to
 * fail it at once; throw {@link JobContext#retryLater} to run it again later without spending an
 * attempt.
 *
 * @param <D> the data type
 * @param <R> the result type
 */
@FunctionalInterface
public interface JobHandler<D, R> {
    /** Processes the job; may throw any exception. */
    R handle(JobContext<D> context) throws Exception;
}
