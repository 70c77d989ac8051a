package io.taskqueue.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskqueue.Metrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completed and failed jobs per minute and hour, read from BullMQ's per-minute points. */
class ThroughputTest {
    private static final long MINUTE = 60_000;
    private static final long T = 29_000_000L * MINUTE; // the start of some minute

    /** Points newest first, updated at {@code updatedAt}, with {@code sinceUpdate} finishes counted after. */
    private static Metrics metrics(long updatedAt, long sinceUpdate, Long... points) {
        long total = sinceUpdate;
        for (Long p : points) {
            total += p;
        }
        return new Metrics(Metrics.Type.COMPLETED, total, updatedAt, total - sinceUpdate, List.of(points), points.length);
    }

    @Test
    void updatedThisMinute() {
        // Updated 10 s into the current minute: point 0 is the last complete minute.
        Metrics m = metrics(T + 10_000, 4, 2L, 0L, 3L);
        assertThat(Throughput.of(m, T + 30_000)).isEqualTo(new Throughput(2, 5, 9));
    }

    @Test
    void updatedInThePreviousMinuteCountsWhatCameAfterTheUpdateAsThatMinute() {
        Metrics m = metrics(T - MINUTE + 5_000, 4, 2L, 7L);
        // Last complete minute = the minute of the update: 4 since; before it 2 and 7.
        assertThat(Throughput.of(m, T + 1_000)).isEqualTo(new Throughput(4, 13, 13));
    }

    @Test
    void quietForAWhileLeavesTheLastMinuteEmptyAndAgesTheHour() {
        List<Long> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            points.add(1L);
        }
        Metrics m = metrics(T - 30 * MINUTE, 5, points.toArray(Long[]::new));
        // Updated 30 minutes ago: its own 5, plus the 30 minutes before it that are still within the hour.
        assertThat(Throughput.of(m, T + 1)).isEqualTo(new Throughput(0, 5 + 30, 65));
    }

    @Test
    void olderThanAnHourIsNothingRecent() {
        Metrics m = metrics(T - 61 * MINUTE, 3, 9L);
        assertThat(Throughput.of(m, T)).isEqualTo(new Throughput(0, 0, 12));
    }

    @Test
    void morePointsThanAnHourCountOnlyTheHour() {
        List<Long> points = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            points.add(2L);
        }
        Metrics m = metrics(T, 1, points.toArray(Long[]::new));
        assertThat(Throughput.of(m, T + 59_999)).isEqualTo(new Throughput(2, 120, 181));
    }
}
