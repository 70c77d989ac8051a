package io.taskqueue.memory;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single daemon thread on which a backend delivers events and cancel notifications. Delivery
 * happens off the queue lock so that a slow or re-entrant consumer can never block or deadlock the
 * queue; one thread keeps each subscription's events in order. Started on first use.
 */
final class EventDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private Thread thread;
    private volatile boolean closed;

    /** Runs {@code task} later on the delivery thread; dropped once the backend is closed. */
    void submit(Runnable task) {
        if (closed) {
            return;
        }
        ensureStarted();
        tasks.add(task);
    }

    private synchronized void ensureStarted() {
        if (thread == null && !closed) {
            thread = new Thread(this::run, "taskqueue-memory-events");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        while (!closed) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                task.run();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // A consumer's failure must not stop delivery to every other subscriber.
                LOG.warn("event consumer failed", e);
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = thread;
        }
        tasks.clear();
        if (t != null) {
            t.interrupt();
            if (t != Thread.currentThread()) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
