package io.taskqueue.spi;

import java.time.Duration;

/**
 * A worker's private wake-up line (Redis: a dedicated connection blocked on the queue's marker,
 * named so that dashboards list the worker). One per worker; closed by the worker.
 */
public interface WorkerChannel extends AutoCloseable {
    /**
     * Blocks until there may be work (a job was added, promoted, retried or recovered) or
     * {@code maxWait} passes, whichever comes first. Spurious returns are allowed: the worker always
     * fetches afterwards. Must return promptly, by throwing, when the calling thread is interrupted.
     */
    void awaitWork(Duration maxWait) throws InterruptedException;

    @Override
    void close();
}
