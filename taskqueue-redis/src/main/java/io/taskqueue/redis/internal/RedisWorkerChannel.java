package io.taskqueue.redis.internal;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.taskqueue.spi.WorkerChannel;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's channel (docs/protocol.md §7 and §5.19): a dedicated connection, named as BullMQ names
 * worker connections, blocked in {@code BZPOPMIN} on the queue's marker, and a pub/sub connection
 * that delivers cancel requests for running jobs.
 *
 * <p>The timeout of a wait is never 0 (that would block for ever), at least the server's minimum
 * and at most 10 s. Redis cannot cancel a blocked command, so an interrupt of the waiting thread
 * drops the connection and a new one is opened on the next wait; so is a connection whose command
 * outlives its timeout by a second (the watchdog). {@link #close()} cancels the wait in progress,
 * which then returns at once, and closes both connections.
 */
final class RedisWorkerChannel implements WorkerChannel {
    private static final Logger LOG = LoggerFactory.getLogger(RedisWorkerChannel.class);
    private static final double MAX_BLOCK_SECONDS = 10;
    private static final long WATCHDOG_MILLIS = 1000;
    private static final long ERROR_PAUSE_MILLIS = 200;

    private final RedisContext ctx;
    private final String markerKey;
    private final String connectionName;
    private final CancelListener cancelListener;
    private RedisConnections.Dedicated connection;
    private RedisFuture<?> waiting;
    private boolean closed;

    RedisWorkerChannel(RedisContext ctx, Keys keys, String workerName, Consumer<String> onCancelRequested) {
        this.ctx = ctx;
        this.markerKey = keys.marker();
        this.connectionName = keys.workerConnectionName(workerName);
        this.connection = connect();
        try {
            this.cancelListener = CancelListener.start(ctx, keys.cancelChannel(), onCancelRequested);
        } catch (RuntimeException e) {
            connection.closeAsync();
            throw e;
        }
    }

    private RedisConnections.Dedicated connect() {
        try {
            return ctx.connection().dedicated(connectionName);
        } catch (RuntimeException e) {
            throw RedisContext.translate(e, "open worker connection " + connectionName);
        }
    }

    @Override
    public void awaitWork(Duration maxWait) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        double seconds = Math.min(MAX_BLOCK_SECONDS, Math.max(ctx.minBlockSeconds(), maxWait.toMillis() / 1000.0));
        RedisConnections.Dedicated conn;
        RedisFuture<KeyValue<String, ScoredValue<String>>> future;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (connection == null) {
                connection = connect();
            }
            conn = connection;
            future = conn.async().bzpopmin(seconds, markerKey);
            waiting = future;
        }
        try {
            future.get((long) (seconds * 1000) + WATCHDOG_MILLIS + ctx.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            drop(conn);
            throw e;
        } catch (CancellationException e) {
            // close() cancelled the wait: return at once
        } catch (TimeoutException e) {
            LOG.warn("{} - BZPOPMIN did not return in time; reconnecting", connectionName);
            future.cancel(true);
            drop(conn);
        } catch (ExecutionException e) {
            if (isClosed()) {
                return;
            }
            LOG.debug("{} - waiting on the marker failed: {}", connectionName, e.getCause().toString());
            Thread.sleep(Math.min(ERROR_PAUSE_MILLIS, Math.max(1, maxWait.toMillis())));
        } finally {
            synchronized (this) {
                if (waiting == future) {
                    waiting = null;
                }
            }
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void drop(RedisConnections.Dedicated conn) {
        if (connection == conn) {
            connection = null;
        }
        conn.closeAsync();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (waiting != null) {
                waiting.cancel(true);
            }
            if (connection != null) {
                connection.closeAsync();
                connection = null;
            }
        }
        cancelListener.close();
    }
}
