package io.taskqueue.spi;

import io.taskqueue.JobOptions;
import java.util.Objects;

/**
 * A job to add.
 *
 * @param name the job name
 * @param dataJson the payload as JSON text
 * @param options the job's options
 * @param timestamp the creation time in epoch milliseconds (the producer's clock)
 */
public record NewJob(String name, String dataJson, JobOptions options, long timestamp) {
    public NewJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataJson, "dataJson");
        Objects.requireNonNull(options, "options");
        if (name.isBlank()) {
            throw new IllegalArgumentException("job name must not be blank");
        }
    }
}
