package io.taskqueue.postgres;

import java.time.Instant;
import java.util.List;

/**
 * One page of a dead-letter listing.
 *
 * @param items the dead letters, oldest failure first
 * @param next where the next page starts, or {@code null} when this is the last page
 */
public record DeadLetterPage(List<DeadLetter> items, Cursor next) {
    public DeadLetterPage {
        items = List.copyOf(items);
    }

    /**
     * A keyset position: after the entry that failed at {@code failedAt} with row id {@code id}.
     * Stable while entries are added or replayed, unlike an offset.
     */
    public record Cursor(Instant failedAt, long id) {
    }
}
