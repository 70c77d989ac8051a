package io.taskqueue.cli.job;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import io.taskqueue.cli.CliContext;
import io.taskqueue.cli.Progress;
import java.util.List;

/**
 * Acts on every job of one state (optionally of one name) in bounded batches: counts them, asks
 * with the count, then reads a batch from the front of the state, acts on each job, and reads again.
 * Acting moves a job out of the state, so the next batch starts at the front again, past the jobs
 * that stayed (locked, refused, or of another name): the loop ends even when some jobs cannot be
 * acted on, and it never holds more than one batch.
 */
final class BulkOperation {
    /** What acting on one job did. */
    enum Outcome {
        /** Retried or removed. */
        DONE,
        /** Still in the state: it holds its position. */
        LEFT,
        /** No longer in the state (someone else moved or removed it). */
        GONE
    }

    /** Acts on one job of the state. */
    interface Action {
        Outcome apply(JobQueue queue, Job job);
    }

    private final CliContext ctx;
    private final JobQueue queue;
    private final JobState state;
    private final String name;
    private final int batch;
    private long scanned;

    BulkOperation(CliContext ctx, JobQueue queue, JobSelection selection) {
        this.ctx = ctx;
        this.queue = queue;
        this.state = selection.state;
        this.name = selection.name;
        this.batch = selection.batchSize;
    }

    /** Counts, asks, acts; with {@code dryRun} only counts. */
    BulkResult run(Verb verb, boolean dryRun, Action action) {
        long matched = name == null ? total() : countNamed();
        if (dryRun || matched == 0) {
            return result(verb, dryRun, matched, 0, 0, 0);
        }
        ctx.confirm(verb.base() + " " + BulkReport.jobs(matched, state, name) + " of queue " + queue.name());
        long done = 0;
        long left = 0;
        long gone = 0;
        long skip = 0;
        try (Progress progress = ctx.progress(verb.progressive(), matched)) {
            // At most the jobs confirmed: jobs that keep arriving in the state cannot keep it going.
            while (done + left + gone < matched) {
                List<Job> jobs = queue.getJobs(state, skip, skip + batch - 1);
                if (jobs.isEmpty()) {
                    if (total() <= skip) {
                        break;
                    }
                    skip += batch;  // only ids without a job hash there: step over them
                    continue;
                }
                long stayed = 0;
                for (Job job : jobs) {
                    if (done + left + gone >= matched) {
                        break;
                    }
                    scanned++;
                    if (name != null && !name.equals(job.name())) {
                        stayed++;
                        continue;
                    }
                    switch (action.apply(queue, job)) {
                        case DONE -> done++;
                        case LEFT -> {
                            left++;
                            stayed++;
                        }
                        case GONE -> gone++;
                    }
                    progress.step(1);
                }
                // The jobs that stayed now fill the front; positions the batch did not return (ids
                // without a hash, or the end of the state) are stepped over too.
                skip += stayed + (batch - jobs.size());
            }
        }
        return result(verb, false, matched, done, left, gone);
    }

    /** Whether a job an action did not act on still holds its position in the state. */
    Outcome stayedOrGone(String id) {
        return queue.getState(id) == state ? Outcome.LEFT : Outcome.GONE;
    }

    private long total() {
        return queue.counts(state).getOrDefault(state, 0L);
    }

    /** The jobs of the name, read a batch at a time (a name has no index to count by). */
    private long countNamed() {
        long total = total();
        long count = 0;
        try (Progress progress = ctx.progress("counting", total)) {
            for (long position = 0; position < total; position += batch) {
                List<Job> jobs = queue.getJobs(state, position, position + batch - 1);
                scanned += jobs.size();
                count += jobs.stream().filter(job -> name.equals(job.name())).count();
                progress.step(Math.min(batch, total - position));
            }
        }
        return count;
    }

    private BulkResult result(Verb verb, boolean dryRun, long matched, long done, long left, long gone) {
        return new BulkResult(queue.name(), verb.base(), state.wireName(), name, dryRun, matched, done, left, gone,
                scanned);
    }
}
