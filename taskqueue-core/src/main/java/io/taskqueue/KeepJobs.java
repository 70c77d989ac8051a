package io.taskqueue;

import java.time.Duration;

/**
 * Retention of finished jobs ({@code removeOnComplete} / {@code removeOnFail}). Retention is applied
 * when a job finishes, as in BullMQ: an aged job is deleted when a later job of the same kind ends.
 *
 * @param count how many of the newest finished jobs to keep; -1 keeps all, 0 keeps none
 * @param age finished jobs older than this are deleted; {@code null} for no age limit
 * @param limit the most aged jobs deleted per finish; 0 for the default (1000)
 */
public record KeepJobs(int count, Duration age, int limit) {
    public KeepJobs {
        if (count < -1) {
            throw new IllegalArgumentException("count must be -1 (all), 0 (none) or positive: " + count);
        }
        if (age != null && (age.isNegative() || age.isZero())) {
            throw new IllegalArgumentException("age must be positive: " + age);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    /** Keep every finished job (the default). */
    public static KeepJobs all() {
        return new KeepJobs(-1, null, 0);
    }

    /** Delete the job as soon as it finishes. */
    public static KeepJobs none() {
        return new KeepJobs(0, null, 0);
    }

    /** Keep the newest {@code count} finished jobs. */
    public static KeepJobs count(int count) {
        return new KeepJobs(count, null, 0);
    }

    /** Keep finished jobs younger than {@code age}. */
    public static KeepJobs age(Duration age) {
        return new KeepJobs(-1, age, 0);
    }

    /** This policy with an age limit as well. */
    public KeepJobs withAge(Duration age) {
        return new KeepJobs(count, age, limit);
    }

    /** True when nothing is ever deleted. */
    public boolean keepsAll() {
        return count == -1 && age == null;
    }
}
