package io.taskqueue.worker;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a task as reported: stored as the job's progress and sent to every
 * {@link StepReporter}.
 *
 * @param jobId the job's id
 * @param queueName the queue's name
 * @param workerType the worker's type, e.g. {@code satloc-processor}
 * @param attempt the attempt's number, from 1
 * @param status where the attempt stands
 * @param name what the worker is doing, e.g. {@code Downloading log}
 * @param percent how far the task is, 0 to 100, or {@code null} when unknown
 * @param at when the step was reported (the service's clock)
 */
public record Step(String jobId, String queueName, String workerType, int attempt, Status status, String name,
        Integer percent, Instant at) {

    /** Where an attempt stands. */
    public enum Status {
        /** The attempt is working on this step. */
        RUNNING,
        /** The attempt returned a result. */
        COMPLETED,
        /** The attempt threw; the queue decides whether another attempt follows. */
        FAILED
    }

    public Step {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(queueName, "queueName");
        Objects.requireNonNull(workerType, "workerType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("step percent must be within 0..100, got " + percent);
        }
    }
}
