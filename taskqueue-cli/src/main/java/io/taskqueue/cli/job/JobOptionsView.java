package io.taskqueue.cli.job;

import io.taskqueue.Backoff;
import io.taskqueue.Deduplication;
import io.taskqueue.JobOptions;
import io.taskqueue.KeepJobs;

/**
 * A job's options in {@code job show --json}: plain numbers (milliseconds) and names, so that the
 * shape stays stable whatever the core's option types become.
 *
 * @param jobId the custom id, or {@code null} for an automatic one
 * @param delayMillis the delay it was added with
 * @param priority 0 for none
 * @param lifo whether it jumps the line
 * @param attempts tries allowed, the first included
 * @param backoff the retry delays, or {@code null} to retry at once
 * @param removeOnComplete retention when completed, or {@code null} for the worker's default
 * @param removeOnFail retention when failed, or {@code null} for the worker's default
 * @param timeoutMillis the hard limit of one attempt, or {@code null}
 * @param keepLogs log lines kept, or {@code null} for all
 * @param stackTraceLimit stack traces kept, or {@code null} for all
 * @param deduplication the deduplication settings, or {@code null}
 * @param group the job's group, or {@code null}
 */
public record JobOptionsView(String jobId, long delayMillis, int priority, boolean lifo, int attempts,
        BackoffView backoff, RetentionView removeOnComplete, RetentionView removeOnFail, Long timeoutMillis,
        Integer keepLogs, Integer stackTraceLimit, DeduplicationView deduplication, String group) {

    static JobOptionsView of(JobOptions o) {
        Backoff b = o.backoff();
        Deduplication d = o.deduplication();
        return new JobOptionsView(o.jobId(), o.delay().toMillis(), o.priority(), o.lifo(), o.attempts(),
                b == null ? null : new BackoffView(b.type(), b.delayMillis(), b.jitter()),
                RetentionView.of(o.removeOnComplete()), RetentionView.of(o.removeOnFail()),
                o.timeout() == null ? null : o.timeout().toMillis(), o.keepLogs(), o.stackTraceLimit(),
                d == null ? null : new DeduplicationView(d.id(), d.ttl() == null ? null : d.ttl().toMillis(),
                        d.extend(), d.replace(), d.keepLastIfActive()),
                o.group());
    }

    /**
     * Retry delays.
     *
     * @param type {@code fixed}, {@code exponential} or a custom strategy
     * @param delayMillis the base delay
     * @param jitter 0 for none, up to 1
     */
    public record BackoffView(String type, long delayMillis, double jitter) {
    }

    /**
     * Retention of finished jobs.
     *
     * @param count newest jobs kept; -1 all, 0 none
     * @param ageMillis older jobs are deleted, or {@code null} for no age limit
     * @param limit most aged jobs deleted per finish; 0 for the default
     */
    public record RetentionView(int count, Long ageMillis, int limit) {
        static RetentionView of(KeepJobs keep) {
            return keep == null ? null
                    : new RetentionView(keep.count(), keep.age() == null ? null : keep.age().toMillis(), keep.limit());
        }
    }

    /**
     * Deduplication of adds.
     *
     * @param id the deduplication id
     * @param ttlMillis how long it holds, or {@code null} while the job lives
     * @param extend whether a duplicate add extends the ttl
     * @param replace whether a duplicate add replaces a delayed job's data
     * @param keepLastIfActive whether a duplicate of an active job is kept for later
     */
    public record DeduplicationView(String id, Long ttlMillis, boolean extend, boolean replace,
            boolean keepLastIfActive) {
    }
}
