package io.taskqueue;

import java.util.Objects;

/**
 * One job of a bulk add.
 *
 * @param name the job name
 * @param data the payload, encoded with the queue's codec
 * @param options the job's options, or {@code null} for the queue's defaults
 */
public record JobRequest(String name, Object data, JobOptions options) {
    public JobRequest {
        Objects.requireNonNull(name, "name");
    }

    /** A typed request. */
    public static <D> JobRequest of(JobType<D, ?> type, D data, JobOptions options) {
        return new JobRequest(type.name(), data, options);
    }
}
