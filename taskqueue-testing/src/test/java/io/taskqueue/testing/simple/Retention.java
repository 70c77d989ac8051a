package io.taskqueue.testing.simple;

import io.taskqueue.JobState;
import io.taskqueue.KeepJobs;
import java.util.List;

/**
 * Applies a {@link KeepJobs} policy to the completed or failed jobs of a queue when a job finishes
 * there: as in BullMQ, the policy of the job that just finished trims the whole state, so an aged
 * job goes when a later job of the same state ends.
 */
final class Retention {
    /** The most aged jobs deleted by one finish when the policy sets no limit. */
    static final int DEFAULT_AGE_LIMIT = 1000;

    private Retention() {
    }

    /** Deletes what {@code keep} does not keep of {@code state}'s jobs at {@code now}. */
    static void apply(QueueState queue, JobState state, KeepJobs keep, long now) {
        if (keep.keepsAll()) {
            return;
        }
        if (keep.count() >= 0) {
            List<String> newestFirst = queue.ids(state, false);
            for (String id : newestFirst.subList(Math.min(keep.count(), newestFirst.size()), newestFirst.size())) {
                queue.delete(queue.get(id));
            }
        }
        if (keep.age() != null) {
            long finishedBefore = now - keep.age().toMillis();
            int limit = keep.limit() == 0 ? DEFAULT_AGE_LIMIT : keep.limit();
            for (String id : queue.ids(state, true)) {
                StoredJob job = queue.get(id);
                if (limit-- == 0 || job.finishedOn >= finishedBefore) {
                    break;
                }
                queue.delete(job);
            }
        }
    }
}
