package io.taskqueue;

import java.util.List;
import java.util.Objects;

/**
 * Per-minute counts of finished jobs of one kind, as BullMQ's {@code getMetrics} returns them
 * (docs/protocol.md §5.17). Collected only by workers with {@link WorkerOptions#metricsMaxDataPoints()} set.
 *
 * @param type completed or failed
 * @param count how many jobs of this kind finished since collection began
 * @param prevTimestamp when the data points were last updated (epoch ms), or 0 before the first one
 * @param prevCount {@code count} at that time
 * @param data the requested points, one per minute, newest first (index 0 is the latest minute)
 * @param totalPoints how many points are stored in all
 */
public record Metrics(Type type, long count, long prevTimestamp, long prevCount, List<Long> data, long totalPoints) {

    /** Which finished jobs are counted. */
    public enum Type {
        COMPLETED("completed"),
        FAILED("failed");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** BullMQ's name: {@code completed} or {@code failed}. */
        public String wireName() {
            return wireName;
        }
    }

    public Metrics {
        Objects.requireNonNull(type, "type");
        data = List.copyOf(data);
    }

    /** No metrics collected yet. */
    public static Metrics empty(Type type) {
        return new Metrics(type, 0, 0, 0, List.of(), 0);
    }
}
