package io.taskqueue.testing.simple;

import io.taskqueue.EventCursor;
import io.taskqueue.QueueEvent;
import io.taskqueue.Subscription;
import io.taskqueue.spi.WorkerChannel;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * The open worker channels and event subscriptions of one queue: the queue's steps reach the
 * outside world through them ({@link Lifecycle.Signals}), and the backend closes them all when it
 * closes. Thread-safe; never takes the queue's lock, so a step may signal while holding it.
 */
final class QueueHandles implements Lifecycle.Signals {
    private final EventJournal events;
    private final ThreadFactory readerThreads;
    private final Executor notifier;
    private final Set<SimpleWorkerChannel> channels = new CopyOnWriteArraySet<>();
    private final Set<EventSubscription> subscriptions = new CopyOnWriteArraySet<>();

    QueueHandles(EventJournal events, ThreadFactory readerThreads, Executor notifier) {
        this.events = events;
        this.readerThreads = readerThreads;
        this.notifier = notifier;
    }

    WorkerChannel openChannel(Consumer<String> onCancelRequested) {
        SimpleWorkerChannel[] opened = new SimpleWorkerChannel[1];
        opened[0] = new SimpleWorkerChannel(onCancelRequested, () -> channels.remove(opened[0]));
        channels.add(opened[0]);
        return opened[0];
    }

    Subscription subscribe(EventCursor after, Consumer<QueueEvent> consumer) {
        EventSubscription[] opened = new EventSubscription[1];
        opened[0] = new EventSubscription(events, events.position(after), consumer, readerThreads,
                () -> subscriptions.remove(opened[0]));
        subscriptions.add(opened[0]);
        opened[0].start();
        return opened[0];
    }

    @Override
    public void workAvailable() {
        channels.forEach(SimpleWorkerChannel::signalWork);
    }

    @Override
    public void cancelRequested(String jobId) {
        for (SimpleWorkerChannel channel : channels) {
            try {
                // Delivered on the backend's thread: the worker's code never runs under the queue's lock.
                notifier.execute(() -> channel.cancelRequested(jobId));
            } catch (RejectedExecutionException e) {
                // The backend is closing; lock renewals report the cancel flag instead.
            }
        }
    }

    /** Ends every wait and delivery of this queue. */
    void closeAll() {
        channels.forEach(SimpleWorkerChannel::close);
        subscriptions.forEach(EventSubscription::close);
        events.close();
    }
}
