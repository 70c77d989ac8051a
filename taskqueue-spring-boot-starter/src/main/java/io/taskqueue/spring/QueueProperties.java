package io.taskqueue.spring;

import io.taskqueue.Backoff;
import io.taskqueue.JobOptions;
import io.taskqueue.KeepJobs;
import java.time.Duration;

/**
 * The default job options of one queue ({@code taskqueue.queues.<name>.*}); jobs added without
 * options get them. Unset properties keep {@link JobOptions#defaults()}.
 */
public class QueueProperties {
    /** Attempts per job, the first included. */
    private Integer attempts;

    /** Backoff between attempts: "fixed" or "exponential" (with backoff-delay). */
    private String backoff;

    /** The backoff's base delay. */
    private Duration backoffDelay;

    /** Delay before a new job may run. */
    private Duration delay;

    /** Priority of new jobs: 0 (none, first in first out) or 1 (highest) up to 2097151. */
    private Integer priority;

    /** How many completed jobs to keep; unset keeps them all. */
    private Integer removeOnCompleteKeep;

    /** How many failed jobs to keep; unset keeps them all. */
    private Integer removeOnFailKeep;

    /** How long one attempt may run before it fails. */
    private Duration timeout;

    /** The job options these properties describe, over the defaults. */
    public JobOptions toJobOptions() {
        JobOptions.Builder builder = JobOptions.builder();
        if (attempts != null) {
            builder.attempts(attempts);
        }
        if (backoff != null) {
            Duration base = backoffDelay != null ? backoffDelay : Duration.ofSeconds(1);
            builder.backoff(Backoff.EXPONENTIAL.equals(backoff) ? Backoff.exponential(base)
                    : Backoff.FIXED.equals(backoff) ? Backoff.fixed(base) : Backoff.custom(backoff, base));
        }
        if (delay != null) {
            builder.delay(delay);
        }
        if (priority != null) {
            builder.priority(priority);
        }
        if (removeOnCompleteKeep != null) {
            builder.removeOnComplete(KeepJobs.count(removeOnCompleteKeep));
        }
        if (removeOnFailKeep != null) {
            builder.removeOnFail(KeepJobs.count(removeOnFailKeep));
        }
        if (timeout != null) {
            builder.timeout(timeout);
        }
        return builder.build();
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public String getBackoff() {
        return backoff;
    }

    public void setBackoff(String backoff) {
        this.backoff = backoff;
    }

    public Duration getBackoffDelay() {
        return backoffDelay;
    }

    public void setBackoffDelay(Duration backoffDelay) {
        this.backoffDelay = backoffDelay;
    }

    public Duration getDelay() {
        return delay;
    }

    public void setDelay(Duration delay) {
        this.delay = delay;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public Integer getRemoveOnCompleteKeep() {
        return removeOnCompleteKeep;
    }

    public void setRemoveOnCompleteKeep(Integer removeOnCompleteKeep) {
        this.removeOnCompleteKeep = removeOnCompleteKeep;
    }

    public Integer getRemoveOnFailKeep() {
        return removeOnFailKeep;
    }

    public void setRemoveOnFailKeep(Integer removeOnFailKeep) {
        this.removeOnFailKeep = removeOnFailKeep;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
