package io.taskqueue.postgres.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tracker's synchronous calls (claim, duplicate check) for job threads with a hard bound:
 * the call runs on a helper thread and the job thread waits at most {@code timeout}. A handed-in
 * {@code DataSource} may have no timeouts of its own, and a blackholed network can hang a JDBC call
 * for minutes, so the bound cannot be left to the driver. While the {@link Breaker} is open, calls
 * are not even tried.
 */
final class SyncCalls {
    private static final Logger LOG = LoggerFactory.getLogger(SyncCalls.class);

    private static final int MAX_WAITING = 10_000;
    private final Breaker breaker;
    private final long timeoutNanos;
    private final ExecutorService executor;

    SyncCalls(Breaker breaker, Duration timeout, int maxThreads, String name) {
        this.breaker = breaker;
        this.timeoutNanos = timeout.toNanos();
        AtomicInteger n = new AtomicInteger();
        // Calls beyond maxThreads wait in line rather than skip the check: a burst of producers must
        // not bypass dedup. Each caller still waits at most the timeout, line included.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_WAITING), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** The call's answer, or {@link Answer#unavailable()} when the database did not answer in time. */
    <T> Answer<T> call(String what, Supplier<T> call) {
        if (!breaker.allows()) {
            return Answer.unavailable();
        }
        Future<T> future;
        try {
            future = executor.submit(call::get);
        } catch (RejectedExecutionException e) {
            return Answer.unavailable();
        }
        return settle(what, future);
    }

    /**
     * Like {@link #call}, for a call that runs elsewhere (the claim coalescer): {@code start} begins
     * it and returns its result-to-be. A caller that gives up cancels it, which withdraws work not yet
     * sent.
     */
    <T> Answer<T> await(String what, Supplier<CompletableFuture<T>> start) {
        if (!breaker.allows()) {
            return Answer.unavailable();
        }
        CompletableFuture<T> future = start.get();
        return settle(what, future);
    }

    /** Waits for {@code future} within the timeout, keeping the breaker and the log up to date. */
    private <T> Answer<T> settle(String what, Future<T> future) {
        try {
            T value = future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            breaker.succeeded();
            return Answer.of(value);
        } catch (TimeoutException e) {
            future.cancel(true);
            breaker.failed();
            LOG.warn("task tracker: {} took longer than {} ms; going ahead without it", what,
                    TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof RejectedExecutionException) {
                return Answer.unavailable();
            }
            if (!Failures.isBadData(cause)) {
                breaker.failed();
            }
            LOG.warn("task tracker: {} failed ({}); going ahead without it", what, Failures.describe(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
        }
        return Answer.unavailable();
    }

    void close() {
        executor.shutdownNow();
    }

    /** A synchronous call's result; {@code answered} is false when the database could not be asked. */
    record Answer<T>(boolean answered, T value) {
        static <T> Answer<T> of(T value) {
            return new Answer<>(true, value);
        }

        static <T> Answer<T> unavailable() {
            return new Answer<>(false, null);
        }
    }
}
