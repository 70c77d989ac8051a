package io.taskqueue.testing.simple;

import io.taskqueue.spi.WorkerChannel;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A worker's line to its queue. The queue wakes every open channel whenever there may be work; a
 * wake-up that arrives while the worker is not waiting is remembered, so one that falls between an
 * empty fetch and the next wait is never lost. Cancel requests are handed to the worker's consumer.
 */
final class SimpleWorkerChannel implements WorkerChannel {
    private final Consumer<String> onCancelRequested;
    private final Runnable onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean workSignalled;
    private boolean closed;

    SimpleWorkerChannel(Consumer<String> onCancelRequested, Runnable onClose) {
        this.onCancelRequested = onCancelRequested;
        this.onClose = onClose;
    }

    @Override
    public void awaitWork(Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = maxWait.toNanos();
            while (!workSignalled && !closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            workSignalled = false;
        } finally {
            lock.unlock();
        }
    }

    /** There may be work: ends the current wait, or the next one at once. */
    void signalWork() {
        lock.lock();
        try {
            workSignalled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Tells the worker that job {@code jobId} was asked to cancel; it ignores jobs it does not run. */
    void cancelRequested(String jobId) {
        if (!isClosed()) {
            onCancelRequested.accept(jobId);
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        onClose.run();
    }
}
