package io.taskqueue;

import java.util.Objects;

/**
 * A position in a queue's event stream, from which a subscription delivers the events written
 * after it. Opaque: its text is whatever the backend uses (a stream id on Redis); keep the cursor
 * of the last event handled ({@link QueueEvent#cursor()}) to resume after it.
 *
 * @param position the backend's position text
 */
public record EventCursor(String position) {
    /** Before the oldest event still stored: a subscription from here replays what the stream kept. */
    public static final EventCursor EARLIEST = new EventCursor("0");
    /** The end of the stream: a subscription from here delivers only events written from now on. */
    public static final EventCursor LATEST = new EventCursor("$");

    public EventCursor {
        Objects.requireNonNull(position, "position");
        if (position.isBlank()) {
            throw new IllegalArgumentException("an event cursor must not be blank");
        }
    }

    /** The cursor whose text is {@code position}, as printed by {@link #position()}. */
    public static EventCursor of(String position) {
        return new EventCursor(position);
    }

    /** Whether this is {@link #EARLIEST}. */
    public boolean isEarliest() {
        return equals(EARLIEST);
    }

    /** Whether this is {@link #LATEST}. */
    public boolean isLatest() {
        return equals(LATEST);
    }
}
