package io.taskqueue.internal;

import io.taskqueue.ThreadPoolSettings;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ThreadPoolExecutor} that grows to its maximum before it queues. The JDK's pool queues
 * first and grows only when the queue is full, which would leave fetched jobs (holding locks)
 * waiting behind a single thread.
 */
public final class EagerThreadPool {
    private EagerThreadPool() {
    }

    /** A pool following {@code settings}; the caller shuts it down. */
    public static ThreadPoolExecutor create(ThreadPoolSettings settings, ThreadFactory threads) {
        GrowFirstQueue queue = new GrowFirstQueue();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.minThreads(), settings.maxThreads(),
                Math.max(1, settings.idleTimeout().toMillis()), TimeUnit.MILLISECONDS, queue, threads,
                (task, executor) -> {
                    // The worker's slots bound how many tasks exist; a refusal here only means every
                    // thread is still finishing its previous job, so the task waits for one of them.
                    if (executor.isShutdown() || !queue.forceOffer(task)) {
                        throw new RejectedExecutionException("handler pool is shut down (" + settings + ")");
                    }
                });
        queue.pool = pool;
        return pool;
    }

    private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;
        private transient volatile ThreadPoolExecutor pool;

        @Override
        public boolean offer(Runnable task) {
            // Refusing makes the executor start a new thread while it is below its maximum.
            ThreadPoolExecutor executor = pool;
            if (executor != null && executor.getPoolSize() < executor.getMaximumPoolSize()
                    && executor.getActiveCount() >= executor.getPoolSize()) {
                return false;
            }
            return super.offer(task);
        }

        boolean forceOffer(Runnable task) {
            return super.offer(task);
        }
    }
}
