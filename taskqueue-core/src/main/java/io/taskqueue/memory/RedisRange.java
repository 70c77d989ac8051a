package io.taskqueue.memory;

import java.util.List;

/**
 * Redis's inclusive index ranges ({@code LRANGE}, {@code ZRANGE}): negative indices count from the
 * end, out-of-range ends are clamped, an empty range is not an error. Kept in one place so that
 * every read of this backend answers the same as the Redis backend would.
 */
final class RedisRange {
    private RedisRange() {
    }

    /** The elements {@code start..end} (inclusive, Redis semantics) of {@code items}, as a copy. */
    static <T> List<T> slice(List<T> items, long start, long end) {
        int size = items.size();
        long from = start < 0 ? start + size : start;
        long to = end < 0 ? end + size : end;
        if (from < 0) {
            from = 0;
        }
        if (to >= size) {
            to = size - 1L;
        }
        if (from > to || from >= size) {
            return List.of();
        }
        return List.copyOf(items.subList((int) from, (int) to + 1));
    }
}
