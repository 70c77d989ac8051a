package io.taskqueue.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rate-limit checks shared by the limits and groups contracts. */
final class RateWindows {
    /** Timing slack for starts measured on a busy machine. */
    static final long SLACK_MS = 100;

    private RateWindows() {
    }

    /**
     * A fixed window opens at the first start after the previous one expired and admits {@code max}
     * starts: rebuilds the windows from the start times and counts each. Then holds the windows to
     * their length: with a backlog, start {@code k * max} opens the k-th window, which cannot come
     * before k whole windows have passed (so a window shorter by a sixth shows after two windows,
     * far beyond the slack) and comes before one more window has passed (a window twice as long
     * does not).
     */
    static void assertWindows(List<Long> starts, int max, long windowMillis) {
        List<Long> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        int i = 0;
        while (i < sorted.size()) {
            long opened = sorted.get(i);
            int inWindow = 0;
            while (i < sorted.size() && sorted.get(i) < opened + windowMillis - SLACK_MS) {
                inWindow++;
                i++;
            }
            assertThat(inWindow).as("starts in the window opened at %d: %s", opened, sorted).isLessThanOrEqualTo(max);
        }
        long first = sorted.get(0);
        for (int k = 1; k * max < sorted.size(); k++) {
            long opened = sorted.get(k * max) - first;
            assertThat(opened).as("window %d opened %d ms after the first start: %s", k, opened, sorted)
                    .isBetween(k * windowMillis - SLACK_MS, (k + 1) * windowMillis);
        }
    }

}
