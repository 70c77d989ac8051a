package io.taskqueue.testing.simple;

import java.util.List;

/** Inclusive index ranges where -1 is the last element, as the reads of the SPI take them. */
final class Ranges {
    private Ranges() {
    }

    /** The elements {@code start..end} of {@code items}; empty when the range holds none. */
    static <T> List<T> slice(List<T> items, long start, long end) {
        int size = items.size();
        long from = start < 0 ? Math.max(0, size + start) : start;
        long to = end < 0 ? size + end : Math.min(end, size - 1L);
        if (from > to || from >= size) {
            return List.of();
        }
        return List.copyOf(items.subList((int) from, (int) to + 1));
    }
}
