package io.taskqueue;

/**
 * Observes jobs through their life, in the process that acts on them: producers see
 * {@link #onEnqueued}, workers see the rest. Every method has an empty default. Listeners run on
 * the worker's threads, so they must be quick and must not throw: an exception is logged and
 * ignored, and never changes the job's outcome.
 */
public interface JobLifecycleListener {
    /** A job was added by this process. */
    default void onEnqueued(String queueName, Job job) {
    }

    /** An attempt is about to run. */
    default void onStarted(String queueName, Job job) {
    }

    /** The handler reported progress (as JSON text). */
    default void onProgress(String queueName, Job job, String progressJson) {
    }

    /** An attempt ended; {@code outcome} says how, {@code elapsedMillis} how long it ran. */
    default void onFinished(String queueName, Job job, JobOutcome outcome, long elapsedMillis) {
    }

    /** A job whose worker died was put back to run again (or failed, past the stall limit). */
    default void onStalled(String queueName, String jobId) {
    }
}
