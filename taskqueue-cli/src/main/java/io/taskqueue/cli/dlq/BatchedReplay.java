package io.taskqueue.cli.dlq;

import io.taskqueue.cli.Progress;
import io.taskqueue.postgres.DeadLetterFilter;
import io.taskqueue.postgres.DeadLetters;
import io.taskqueue.postgres.ReplayResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a stretch of the dead-letter listing in batches, so that no more than a batch of dead
 * letters (with their histories) is in memory and progress shows between batches.
 *
 * <p>A replayed entry leaves the listing and the ones after it move up; a skipped one (its task in
 * flight) stays. So each batch starts at the first position plus the entries that stayed before it.
 * A dry run changes nothing, so every entry stays.
 */
final class BatchedReplay {
    /** Dead letters per round trip. */
    static final int BATCH = 100;

    private BatchedReplay() {
    }

    /** Replays (or dry-runs) up to {@code count} entries from position {@code from} of {@code filter}'s listing. */
    static ReplayResult run(DeadLetters deadLetters, DeadLetterFilter filter, long from, long count, boolean dryRun,
            Progress progress) {
        return run(deadLetters, filter, from, count, dryRun, progress, BATCH);
    }

    /** {@link #run(DeadLetters, DeadLetterFilter, long, long, boolean, Progress)} in batches of {@code batch}. */
    static ReplayResult run(DeadLetters deadLetters, DeadLetterFilter filter, long from, long count, boolean dryRun,
            Progress progress, int batch) {
        List<ReplayResult.Entry> entries = new ArrayList<>();
        long stayed = 0;
        while (entries.size() < count) {
            int size = (int) Math.min(batch, count - entries.size());
            long start = from + stayed;
            List<ReplayResult.Entry> done = deadLetters.replayRange(filter, start, start + size - 1, dryRun).entries();
            entries.addAll(done);
            stayed += dryRun ? done.size()
                    : done.stream().filter(e -> e.action() != ReplayResult.Action.REPLAYED).count();
            progress.step(done.size());
            if (done.size() < size) {
                break;
            }
        }
        return new ReplayResult(dryRun, entries);
    }
}
