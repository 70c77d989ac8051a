package io.taskqueue.memory;

import io.taskqueue.QueueEvent;
import io.taskqueue.Subscription;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue's event stream ({@code K events}) and its subscriptions. Appends happen under the
 * queue's lock, in the order of the operation's steps; delivery happens on the backend's
 * {@link EventDispatcher} thread. Each subscription keeps a cursor into the log, so delivery is
 * in order, without gaps and without duplicates whatever the interleaving of appends and pumps.
 *
 * <p>Ids are {@code <ms>-<seq>} from the backend clock (the analogue of the Redis server's clock,
 * which stamps stream ids), forced to grow even if the clock steps back. The log is trimmed to
 * about {@value #MAX_LEN} entries, like BullMQ's default {@code MAXLEN ~ 10000}.
 */
final class EventLog {
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    static final int MAX_LEN = 10_000;
    /** Trim in chunks, as Redis's approximate trimming does, to keep appends cheap. */
    private static final int TRIM_SLACK = 1_000;
    private static final int BATCH = 256;

    private record Entry(long index, StreamId id, QueueEvent event) {
    }

    private final Clock clock;
    private final EventDispatcher dispatcher;
    private final List<Entry> entries = new ArrayList<>();
    private final List<EventSubscription> subscriptions = new CopyOnWriteArrayList<>();
    /** The global index of entries[0]; indices keep growing across trims and clears. */
    private long firstIndex;
    private long lastMs = -1;
    private long lastSeq = -1;

    EventLog(Clock clock, EventDispatcher dispatcher) {
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /** XADD: appends an event with {@code fields} given as name/value pairs, in protocol order. */
    synchronized QueueEvent append(String event, String... fields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], Objects.requireNonNull(fields[i + 1], fields[i]));
        }
        QueueEvent qe = new QueueEvent(nextId().toString(), event, map);
        entries.add(new Entry(firstIndex + entries.size(), StreamId.parse(qe.id()), qe));
        if (entries.size() > MAX_LEN + TRIM_SLACK) {
            int drop = entries.size() - MAX_LEN;
            entries.subList(0, drop).clear();
            firstIndex += drop;
        }
        for (EventSubscription s : subscriptions) {
            s.schedule();
        }
        return qe;
    }

    private StreamId nextId() {
        long ms = clock.millis();
        if (ms > lastMs) {
            lastMs = ms;
            lastSeq = 0;
        } else {
            lastSeq++;
        }
        return new StreamId(lastMs, lastSeq);
    }

    /** DEL events (obliterate). Ids keep growing so that live subscriptions stay valid. */
    synchronized void clear() {
        firstIndex += entries.size();
        entries.clear();
    }

    /** Every event still in the log, oldest first (for tests and diagnostics). */
    synchronized List<QueueEvent> snapshot() {
        return entries.stream().map(Entry::event).toList();
    }

    private synchronized List<Entry> after(long cursor) {
        int from = (int) Math.max(0, cursor + 1 - firstIndex);
        if (from >= entries.size()) {
            return List.of();
        }
        return List.copyOf(entries.subList(from, Math.min(entries.size(), from + BATCH)));
    }

    /**
     * Subscribes after stream id {@code afterId}: {@code "$"} for new events only, {@code "0"} for
     * everything still in the log, else a {@code <ms>-<seq>} id.
     */
    synchronized Subscription subscribe(String afterId, Consumer<QueueEvent> consumer) {
        Objects.requireNonNull(afterId, "afterId");
        Objects.requireNonNull(consumer, "consumer");
        long lastIndex = firstIndex + entries.size() - 1;
        EventSubscription sub;
        if ("$".equals(afterId)) {
            sub = new EventSubscription(consumer, lastIndex, null);
        } else {
            // Skip what is not after the id; the filter also covers ids "from the future".
            sub = new EventSubscription(consumer, firstIndex - 1, StreamId.parse(afterId));
        }
        subscriptions.add(sub);
        sub.schedule();
        return sub;
    }

    /** Stops every subscription (backend close). */
    void closeAll() {
        subscriptions.forEach(EventSubscription::close);
    }

    /** A cursor over the log, pumped on the dispatcher thread. */
    private final class EventSubscription implements Subscription {
        private final Consumer<QueueEvent> consumer;
        private final StreamId after;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        /** Only touched by the dispatcher thread after construction. */
        private long cursor;
        private volatile boolean closed;

        EventSubscription(Consumer<QueueEvent> consumer, long cursor, StreamId after) {
            this.consumer = consumer;
            this.cursor = cursor;
            this.after = after;
        }

        void schedule() {
            // Coalesce: one pending pump per subscription drains everything appended meanwhile.
            if (!closed && scheduled.compareAndSet(false, true)) {
                dispatcher.submit(this::pump);
            }
        }

        private void pump() {
            scheduled.set(false);
            while (!closed) {
                List<Entry> batch = after(cursor);
                if (batch.isEmpty()) {
                    return;
                }
                for (Entry e : batch) {
                    if (closed) {
                        return;
                    }
                    cursor = e.index;
                    if (after == null || e.id.compareTo(after) > 0) {
                        deliver(e.event);
                    }
                }
            }
        }

        private void deliver(QueueEvent event) {
            try {
                consumer.accept(event);
            } catch (RuntimeException e) {
                // The cursor has moved on: a failing consumer loses this event, not the rest.
                LOG.warn("event consumer failed on {}", event, e);
            }
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
        }
    }
}
