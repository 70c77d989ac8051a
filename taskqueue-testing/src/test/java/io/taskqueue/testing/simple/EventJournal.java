package io.taskqueue.testing.simple;

import io.taskqueue.EventCursor;
import io.taskqueue.QueueEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A queue's event stream: events numbered 1, 2, 3... in the order the queue's steps wrote them, the
 * newest {@link #MAX_EVENTS} kept. An event's number is its cursor text, so a cursor is simply "the
 * number of the last event seen" ({@link EventCursor#EARLIEST} is 0). Readers wait here for events
 * after their position. Thread-safe, on its own monitor, so that slow readers never hold up the
 * queue's lock.
 */
final class EventJournal {
    /** How many events are kept, as BullMQ's default stream length. */
    static final int MAX_EVENTS = 10_000;

    private final List<QueueEvent> events = new ArrayList<>();
    /** The number of the newest event; the oldest kept is {@code last - events.size() + 1}. */
    private long last;
    private boolean closed;

    /** Writes an event with {@code fields} given as name, value, name, value... */
    synchronized void append(String event, String... fields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        events.add(new QueueEvent(Long.toString(++last), event, map));
        if (events.size() > MAX_EVENTS + MAX_EVENTS / 10) {
            // Trim in batches so that appends stay cheap on average.
            events.subList(0, events.size() - MAX_EVENTS).clear();
        }
        notifyAll();
    }

    /** The position {@code cursor} stands for: the number of the last event before what it delivers. */
    synchronized long position(EventCursor cursor) {
        if (cursor.isLatest()) {
            return last;
        }
        try {
            long position = Long.parseLong(cursor.position());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // Reported below with the cursor's text.
        }
        throw new IllegalArgumentException("not an event cursor of the simple backend: '" + cursor.position() + "'");
    }

    /**
     * The events after {@code position} still kept, waiting until there is at least one; empty once
     * {@code stop} says so or the journal is closed.
     */
    synchronized List<QueueEvent> awaitAfter(long position, BooleanSupplier stop) throws InterruptedException {
        while (!closed && !stop.getAsBoolean() && last <= position) {
            wait();
        }
        if (closed || stop.getAsBoolean()) {
            return List.of();
        }
        long oldest = last - events.size() + 1;
        int from = (int) Math.max(0, position + 1 - oldest);
        return List.copyOf(events.subList(from, events.size()));
    }

    synchronized boolean isEmpty() {
        return last == 0;
    }

    /** Wakes every reader so that it looks at its stop condition again. */
    synchronized void wakeReaders() {
        notifyAll();
    }

    /** Ends every wait for good. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
