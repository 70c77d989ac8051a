package io.taskqueue.example.satloc;

import io.taskqueue.satloc.LogRecord;
import io.taskqueue.satloc.RecordHandler;
import io.taskqueue.satloc.Rejection;
import io.taskqueue.satloc.SkippedRecord;
import io.taskqueue.worker.TaskContext;
import java.util.List;

/**
 * Feeds the parser's batches to the statistics and, between batches, stops a cancelled task and
 * reports how far through the file the parse is. A step is reported only when the percentage moves,
 * so a large log costs about a hundred progress writes, not one per batch.
 */
final class ParseProgress implements RecordHandler {
    /** The step's name, as the job's progress shows it. */
    static final String STEP = "Parsing";
    private final RecordHandler statistics;
    private final CountingChannel channel;
    private final long size;
    private final TaskContext context;
    private final int from;
    private final int to;
    private int reported;

    /** Reports {@link #STEP} from {@code from} to {@code to} percent as {@code channel} reads {@code size} bytes. */
    ParseProgress(RecordHandler statistics, CountingChannel channel, long size, TaskContext context, int from,
            int to) {
        this.statistics = statistics;
        this.channel = channel;
        this.size = size;
        this.context = context;
        this.from = from;
        this.to = to;
        // The caller reported the starting point; only movement beyond it is news.
        this.reported = from;
    }

    @Override
    public void onBatch(List<LogRecord> batch) {
        context.throwIfCancelled();
        statistics.onBatch(batch);
        double share = size <= 0 ? 1.0 : Math.min(1.0, (double) channel.read() / size);
        int percent = from + (int) ((to - from) * share);
        if (percent > reported) {
            reported = percent;
            context.step(STEP, percent);
        }
    }

    @Override
    public void onRejected(Rejection rejection) {
        statistics.onRejected(rejection);
    }

    @Override
    public void onSkipped(SkippedRecord skipped) {
        statistics.onSkipped(skipped);
    }
}
