package io.taskqueue.spi;

import java.time.Duration;

/**
 * A worker's private line to its queue: it wakes the worker when there may be work and delivers
 * cancel requests for running jobs (a backend may hold a connection of its own for it, which
 * monitoring tools can list as the worker). One per worker; closed by the worker.
 */
public interface WorkerChannel extends AutoCloseable {
    /**
     * Blocks until there may be work (a job was added, promoted, retried or recovered), until
     * {@code maxWait} passes, or until the channel is closed, whichever comes first. Spurious returns
     * are allowed: the worker always fetches afterwards. A wait ended by {@link #close()} returns or
     * throws promptly; the worker tells the two apart by its own state.
     */
    void awaitWork(Duration maxWait) throws InterruptedException;

    /** Ends a wait in progress promptly and releases what the channel holds. Idempotent. */
    @Override
    void close();
}
