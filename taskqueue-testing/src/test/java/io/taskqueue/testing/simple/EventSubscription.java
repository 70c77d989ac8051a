package io.taskqueue.testing.simple;

import io.taskqueue.QueueEvent;
import io.taskqueue.Subscription;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's reader of a queue's {@link EventJournal}: a thread of the backend that delivers
 * the events after the subscriber's position, in order, until the subscription or the backend is
 * closed. A thread per subscriber keeps a slow consumer from delaying anyone else's events.
 */
final class EventSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(EventSubscription.class);

    private final EventJournal journal;
    private final Consumer<QueueEvent> consumer;
    private final Runnable onClose;
    private final Thread reader;
    private volatile boolean closed;
    private long position;

    EventSubscription(EventJournal journal, long position, Consumer<QueueEvent> consumer, ThreadFactory threads,
            Runnable onClose) {
        this.journal = journal;
        this.position = position;
        this.consumer = consumer;
        this.onClose = onClose;
        this.reader = threads.newThread(this::deliver);
    }

    void start() {
        reader.start();
    }

    private void deliver() {
        try {
            while (!closed) {
                List<QueueEvent> batch = journal.awaitAfter(position, () -> closed);
                for (QueueEvent event : batch) {
                    if (closed) {
                        return;
                    }
                    position = Long.parseLong(event.id());
                    try {
                        consumer.accept(event);
                    } catch (RuntimeException e) {
                        // A failing consumer must not lose the events after this one.
                        LOG.warn("event consumer failed on {} {}", event.event(), event.fields(), e);
                    }
                }
                if (batch.isEmpty()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        journal.wakeReaders();
        onClose.run();
    }
}
