package io.taskqueue.cli.job;

import io.taskqueue.Job;
import io.taskqueue.JobQueue;
import io.taskqueue.JobState;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of a state for {@code job ls}. A cursor is a position in the state's order, so a
 * page costs the same at the millionth job as at the first; with a name filter it reads forward in
 * batches of at most {@link #SCAN_BATCH} jobs until the page is full or the state ends.
 */
final class JobPager {
    /** The most jobs read in one round trip while filtering by name. */
    static final int SCAN_BATCH = 1_000;

    private final JobQueue queue;
    private final JobState state;
    private final String name;

    JobPager(JobQueue queue, JobState state, String name) {
        this.queue = queue;
        this.state = state;
        this.name = name;
    }

    /** The page of at most {@code limit} jobs from position {@code cursor}. */
    JobPage page(long cursor, int limit) {
        long total = queue.counts(state).getOrDefault(state, 0L);
        List<JobSummary> jobs = new ArrayList<>();
        long position = cursor;
        long scanned = 0;
        while (jobs.size() < limit && position < total) {
            int window = name == null ? limit - jobs.size() : SCAN_BATCH;
            List<Job> batch = queue.getJobs(state, position, position + window - 1);
            int used = 0;
            while (used < batch.size() && jobs.size() < limit) {
                Job job = batch.get(used++);
                if (name == null || name.equals(job.name())) {
                    jobs.add(JobSummary.of(job, state));
                }
            }
            scanned += used;
            // A batch read to its end moves by the whole window: ids without a job hash are skipped by
            // the backend yet still hold positions. A page that fills mid-batch stops after its last job.
            position += used == batch.size() ? window : used;
        }
        String next = position < total ? Long.toString(position) : null;
        return new JobPage(queue.name(), state.wireName(), name, Long.toString(cursor), limit, total, scanned, next,
                jobs);
    }
}
