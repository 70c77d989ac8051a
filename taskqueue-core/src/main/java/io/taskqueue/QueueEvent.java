package io.taskqueue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a queue's event stream, with BullMQ's event names and fields ({@code added},
 * {@code waiting}, {@code active}, {@code progress}, {@code completed}, {@code failed},
 * {@code delayed}, {@code stalled}, {@code removed}, {@code retries-exhausted}, {@code drained},
 * {@code paused}, {@code resumed}, {@code cleaned}, {@code duplicated}, ...).
 *
 * @param id the event's position in the stream (its {@link #cursor()} as text)
 * @param event the event name
 * @param fields the other fields, e.g. {@code jobId}, {@code prev}, {@code returnvalue}
 */
public record QueueEvent(String id, String event, Map<String, String> fields) {
    public QueueEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        // Keeps the stream's field order, which BullMQ readers and humans rely on.
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The position of this event: subscribe from it to get the events after it. */
    public EventCursor cursor() {
        return EventCursor.of(id);
    }

    /** The {@code jobId} field, or {@code null} for queue-level events. */
    public String jobId() {
        return fields.get("jobId");
    }

    /** A field by name, or {@code null}. */
    public String field(String name) {
        return fields.get(name);
    }
}
