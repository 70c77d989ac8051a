package io.taskqueue.cli.job;

import io.taskqueue.Job;
import io.taskqueue.JobState;

/**
 * One job in {@code job ls}: the fields that fit a table row ({@code job show} has the rest). Part of
 * the stable {@code --json} shape documented in docs/cli.md.
 *
 * @param id the job id
 * @param name the job name
 * @param state the state it was listed in (wire name)
 * @param attemptsMade attempts that ended
 * @param attempts attempts allowed by its options
 * @param timestamp creation time, epoch milliseconds
 * @param processedOn start of the latest attempt, or {@code null}
 * @param finishedOn when it finished, or {@code null}
 * @param failedReason the first line of the last error, at most {@value #REASON_LENGTH} characters, or {@code null}
 */
public record JobSummary(String id, String name, String state, int attemptsMade, int attempts, long timestamp,
        Long processedOn, Long finishedOn, String failedReason) {
    /** The longest failed reason kept in a listing. */
    public static final int REASON_LENGTH = 200;

    static JobSummary of(Job job, JobState state) {
        return new JobSummary(job.id(), job.name(), state.wireName(), job.attemptsMade(), job.options().attempts(),
                job.timestamp(), job.processedOn(), job.finishedOn(), Texts.trim(job.failedReason(), REASON_LENGTH));
    }
}
