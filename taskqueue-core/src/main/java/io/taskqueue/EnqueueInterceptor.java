package io.taskqueue;

import java.util.List;

/**
 * Wraps every add of jobs to a queue ({@link JobQueue#add} and {@link JobQueue#addBulk}), in the
 * producer's process: e.g. to start a producer span and store its context in the jobs' options, or
 * to count the jobs added and the adds that failed. Interceptors nest in registration order: the
 * first registered is the outermost. Unlike {@link JobLifecycleListener#onEnqueued}, which only
 * observes a stored job, an interceptor runs before anything is stored, may change the options of
 * the jobs it passes on, and sees a failed add as the exception {@code next.proceed} throws.
 */
@FunctionalInterface
public interface EnqueueInterceptor {
    /**
     * Runs around one add. {@code requests} hold the effective options (the queue's defaults filled
     * in, never {@code null}). Call {@code next.proceed} with the same requests, or with changed
     * copies of them (one per request, in the same order), and return the ids it returns. An
     * exception thrown here fails the add.
     *
     * @param queueName the queue the jobs are added to
     * @param requests the jobs being added, in order; an unmodifiable list
     * @param next the rest of the chain, ending with storing the jobs
     * @return the ids of the jobs, in the order of the requests
     */
    List<String> intercept(String queueName, List<JobRequest> requests, Invocation next);

    /** The rest of the chain, ending with encoding and storing the jobs. */
    @FunctionalInterface
    interface Invocation {
        /**
         * Adds {@code requests} (as many as the interceptor received, in the same order) and
         * returns their ids in that order.
         */
        List<String> proceed(List<JobRequest> requests);
    }
}
