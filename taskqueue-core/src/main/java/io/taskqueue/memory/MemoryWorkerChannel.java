package io.taskqueue.memory;

import io.taskqueue.BackendException;
import io.taskqueue.WorkerInfo;
import io.taskqueue.spi.WorkerChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A worker's line to an in-memory queue: the analogue of a blocking pop on the queue's marker on a
 * dedicated connection, plus the worker's cancel notifications. A marker set while nobody waits
 * stays set, so a wake-up between a worker's empty fetch and its wait is never lost; each marker
 * wakes one waiter. Delayed jobs cannot be timed here (due times use the callers' clocks), so the
 * worker bounds {@code maxWait} by the next due time it was told; a delay marker merely makes it
 * re-plan early.
 *
 * <p>While open it is listed as one of the queue's workers ({@link MemoryWorkers}), like a named
 * worker connection on Redis.
 */
final class MemoryWorkerChannel implements WorkerChannel {
    private final QueueState s;
    private final String workerName;
    private final Consumer<String> cancelListener;
    private final String id;
    private final Instant openedAt;
    /** Backend-clock time when the worker last began or ended a wait: what "idle" is measured from. */
    private volatile Instant lastActive;
    private volatile boolean closed;

    MemoryWorkerChannel(QueueState state, String workerName, Consumer<String> onCancelRequested) {
        this.s = state;
        this.workerName = workerName;
        this.id = Long.toString(state.workerChannelIds.incrementAndGet());
        this.openedAt = state.clock.instant();
        this.lastActive = openedAt;
        // A fresh wrapper per channel, so that closing removes exactly this registration.
        this.cancelListener = onCancelRequested::accept;
        s.cancelListeners.add(cancelListener);
        s.workerChannels.add(this);
    }

    /** This worker as {@link io.taskqueue.JobQueue#workers()} lists it; no address in one process. */
    WorkerInfo info() {
        Instant now = s.clock.instant();
        Duration idle = Duration.between(lastActive, now);
        return new WorkerInfo(workerName == null || workerName.isEmpty() ? null : workerName, id, null, openedAt,
                idle.isNegative() ? Duration.ZERO : idle);
    }

    @Override
    public void awaitWork(Duration maxWait) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("awaitWork interrupted");
        }
        long nanos = toNanos(maxWait);
        lastActive = s.clock.instant();
        s.lock.lockInterruptibly();
        try {
            while (!closed) {
                if (s.closed) {
                    // Like a dropped connection on Redis: an error the worker backs off from,
                    // rather than a return that would have it spin on fetch.
                    throw new BackendException("in-memory backend is closed");
                }
                if (s.takeMarker() || nanos <= 0) {
                    return;
                }
                nanos = s.markerSet.awaitNanos(nanos);
            }
        } finally {
            s.lock.unlock();
            lastActive = s.clock.instant();
        }
    }

    private static long toNanos(Duration d) {
        if (d == null || d.isNegative()) {
            return 0;
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        closed = true;
        s.cancelListeners.remove(cancelListener);
        s.workerChannels.remove(this);
        s.lock.lock();
        try {
            // Release this channel's waiter at once; others re-check and sleep again.
            s.markerSet.signalAll();
        } finally {
            s.lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "MemoryWorkerChannel[" + s.name + ", " + workerName + "]";
    }
}
