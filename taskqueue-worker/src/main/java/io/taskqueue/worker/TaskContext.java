package io.taskqueue.worker;

import java.util.Optional;

/**
 * What {@link BaseWorker#executeTask} gets besides its task: the job's identity, step reporting, the
 * job's log, cancellation and checkpoints. Valid until {@code executeTask} returns.
 */
public interface TaskContext {
    /** The job's id. */
    String jobId();

    /** The queue's name. */
    String queueName();

    /** This attempt's number, starting at 1. */
    int attempt();

    /** The attempts the job allows. */
    int maxAttempts();

    /**
     * Reports a step without a percentage: stored as the job's progress (seen by Node readers and
     * the CLI), sent to the reporters, and put in the logging context as {@code step}.
     */
    void step(String name);

    /** Reports a step with how far the task is, 0 to 100. */
    void step(String name, int percent);

    /** The step last reported by this attempt. */
    Optional<Step> currentStep();

    /** Appends a line to the job's log (and logs it). */
    void log(String line);

    /** True once the job was cancelled or timed out or the service is closing; stop soon when it is. */
    boolean isCancelled();

    /** Throws once {@link #isCancelled()}, so a long task stops between units of work. */
    void throwIfCancelled();

    /** Saves {@code state} under {@code key} so that a later attempt can resume. */
    void checkpoint(String key, Object state);

    /** The state last saved under {@code key} by this or an earlier attempt. */
    <T> Optional<T> checkpoint(String key, Class<T> type);
}
