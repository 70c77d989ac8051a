package io.taskqueue.worker;

/**
 * Receives every {@link Step} a worker service reports, besides the job's own progress. A reporter
 * must return quickly and must not fail the task: the service logs what it throws and goes on.
 * Reporters that send over a network queue the steps and send them on their own thread, like
 * {@link GraphqlStepReporter}.
 */
@FunctionalInterface
public interface StepReporter {
    /** Reports {@code step}. */
    void report(Step step);
}
