package io.taskqueue.cli.stats;

import io.taskqueue.Capability;
import io.taskqueue.JobQueue;
import io.taskqueue.Metrics;
import io.taskqueue.TaskQueue;

/**
 * How many jobs of one kind (completed or failed) finished recently, from the per-minute metrics
 * (docs/protocol.md §5.17). Minutes are whole UTC minutes, as the metrics store them; the current
 * minute is not over, so the windows end where it starts.
 *
 * @param lastMinute jobs finished in the last complete minute
 * @param lastHour jobs finished in the last 60 complete minutes
 * @param total jobs counted since metrics collection began
 */
public record Throughput(long lastMinute, long lastHour, long total) {
    private static final long MINUTE = 60_000;
    /** The data points needed to cover an hour however long ago they were last updated. */
    private static final int POINTS = 60;

    /**
     * The throughput of {@code queue}'s {@code type} jobs at {@code nowMillis}, or {@code null} when
     * the backend has no metrics or none were collected for the queue (workers collect them only
     * with {@code metricsMaxDataPoints} set).
     */
    public static Throughput of(TaskQueue taskQueue, JobQueue queue, Metrics.Type type, long nowMillis) {
        if (!taskQueue.capabilities().contains(Capability.METRICS)) {
            return null;
        }
        Metrics metrics = queue.getMetrics(type, 0, POINTS - 1);
        return metrics.prevTimestamp() == 0 ? null : of(metrics, nowMillis);
    }

    /** The throughput {@code metrics} (points 0 to 59 at least) show at {@code nowMillis}. */
    static Throughput of(Metrics metrics, long nowMillis) {
        long updated = Math.floorDiv(metrics.prevTimestamp(), MINUTE);
        long current = Math.floorDiv(nowMillis, MINUTE);
        long hour = 0;
        for (long minute = current - 60; minute < current; minute++) {
            hour += finishedIn(metrics, updated, minute);
        }
        return new Throughput(finishedIn(metrics, updated, current - 1), hour, metrics.count());
    }

    /**
     * The jobs finished in {@code minute}: point {@code k} is minute {@code updated - 1 - k}; the
     * minute of the last update holds what was counted since ({@code count - prevCount}); later
     * minutes saw no finish, or they would have updated the points.
     */
    private static long finishedIn(Metrics m, long updated, long minute) {
        if (minute > updated) {
            return 0;
        }
        if (minute == updated) {
            return m.count() - m.prevCount();
        }
        long index = updated - 1 - minute;
        return index < m.data().size() ? m.data().get((int) index) : 0;
    }
}
