package io.taskqueue.postgres.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-behind path: job threads only {@link #offer} (never block, never throw); one flusher
 * thread stores what has gathered in batches. When the database is down the batch in hand is kept
 * and retried with a doubling delay while new writes gather up to the limit; past it they are
 * dropped and counted. A batch the database rejects as bad data is retried write by write so one
 * bad row cannot wedge the rest.
 */
final class WriteBuffer {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBuffer.class);

    private final TrackerWrites writes;
    private final Breaker breaker;
    private final int batchSize;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final BlockingQueue<TrackerWrite> queue;
    private final Thread flusher;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedFlushes = new AtomicLong();
    private final Object idle = new Object();
    // Counted, not read off the queue: between the flusher's poll and its batch the write is in
    // neither, and a flush that looked then would return before the write was stored.
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private volatile boolean closing;

    WriteBuffer(TrackerWrites writes, Breaker breaker, int limit, int batchSize, Duration firstRetry,
            Duration maxRetry, String name) {
        this.writes = writes;
        this.breaker = breaker;
        this.batchSize = batchSize;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.queue = new ArrayBlockingQueue<>(limit);
        this.flusher = new Thread(this::run, name);
        this.flusher.setDaemon(true);
        this.flusher.start();
    }

    /** Buffers a write; false (and counted) when the buffer is full or closed. */
    boolean offer(TrackerWrite write) {
        // Counted before it is queued, so a write is never stored before it is counted.
        accepted.incrementAndGet();
        if (!closing && queue.offer(write)) {
            return true;
        }
        accepted.decrementAndGet();
        long n = dropped.incrementAndGet();
        // One line per power of two keeps an outage from flooding the log.
        if (Long.bitCount(n) == 1) {
            LOG.warn("task tracker: write buffer full or closed; {} writes dropped so far", n);
        }
        return false;
    }

    /** Waits until everything offered so far is stored or dropped; false on timeout. */
    boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    long pending() {
        return accepted.get() - settled.get();
    }

    long written() {
        return written.get();
    }

    long dropped() {
        return dropped.get();
    }

    long failedFlushes() {
        return failedFlushes.get();
    }

    /** Stops taking writes, stores what it can within {@code timeout}, counts the rest as dropped. */
    void close(Duration timeout) {
        closing = true;
        try {
            flusher.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (flusher.isAlive()) {
            flusher.interrupt();
            try {
                flusher.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long lost = pending();
        if (lost > 0) {
            dropped.addAndGet(lost);
            LOG.warn("task tracker: closed with {} writes not stored; counted as dropped", lost);
        }
        queue.clear();
        settled.set(accepted.get());
    }

    private void run() {
        List<TrackerWrite> batch = new ArrayList<>(batchSize);
        Duration delay = firstRetry;
        while (!(closing && batch.isEmpty() && queue.isEmpty())) {
            try {
                if (batch.isEmpty()) {
                    TrackerWrite first = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        signalIdle();
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                }
                if (storeBatch(batch)) {
                    settled.addAndGet(batch.size());
                    batch.clear();
                    delay = firstRetry;
                    signalIdle();
                } else {
                    Thread.sleep(delay.toMillis());
                    delay = delay.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : delay.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // Never let the flusher die: a dead flusher would silently turn every write into a drop.
                LOG.error("task tracker: unexpected flusher error; dropping {} writes", batch.size(), e);
                dropped.addAndGet(batch.size());
                settled.addAndGet(batch.size());
                batch.clear();
            }
        }
        signalIdle();
    }

    /** True when the batch is done with (stored, or dropped as bad data); false to retry it later. */
    private boolean storeBatch(List<TrackerWrite> batch) {
        try {
            writes.store(batch);
            written.addAndGet(batch.size());
            breaker.succeeded();
            return true;
        } catch (RuntimeException | AssertionError e) {
            // pgjdbc asserts on its connection state; with -ea a connection cut mid-batch surfaces as an
            // AssertionError instead of an SQLException. Either way the database went away.
            if (!Failures.isBadData(e)) {
                long n = failedFlushes.incrementAndGet();
                breaker.failed();
                if (n == 1 || Long.bitCount(n) == 1) {
                    LOG.warn("task tracker: cannot store {} writes ({}); keeping them and retrying ({} failures so far)",
                            batch.size(), Failures.describe(e), n);
                }
                return false;
            }
            storeOneByOne(batch);
            return true;
        }
    }

    private void storeOneByOne(List<TrackerWrite> batch) {
        for (TrackerWrite w : batch) {
            try {
                writes.store(List.of(w));
                written.incrementAndGet();
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
                LOG.error("task tracker: write {} rejected by the database; dropped: {}", w.kind(),
                        Failures.describe(e));
            }
        }
    }

    private void signalIdle() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }
}
