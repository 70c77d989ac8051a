package io.taskqueue.redis.internal;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.taskqueue.spi.WorkerChannel;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's wake-up line (protocol §7): a dedicated connection, named as BullMQ names worker
 * connections, blocked in {@code BZPOPMIN} on the queue's marker. The timeout is never 0 (that would
 * block for ever), at least the server's minimum and at most 10 s. An interrupt of the waiting thread
 * drops the connection (Redis cannot cancel a blocked command) and a new one is opened on the next
 * wait; so is a connection whose command outlives its timeout by a second (the watchdog).
 */
final class MarkerChannel implements WorkerChannel {
    private static final Logger LOG = LoggerFactory.getLogger(MarkerChannel.class);
    private static final double MAX_BLOCK_SECONDS = 10;
    private static final long WATCHDOG_MILLIS = 1000;
    private static final long ERROR_PAUSE_MILLIS = 200;

    private final RedisContext ctx;
    private final String markerKey;
    private final String connectionName;
    private RedisConnections.Dedicated connection;
    private boolean closed;

    MarkerChannel(RedisContext ctx, String markerKey, String connectionName) {
        this.ctx = ctx;
        this.markerKey = markerKey;
        this.connectionName = connectionName;
        this.connection = connect();
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
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("worker channel is closed");
            }
            if (connection == null) {
                connection = connect();
            }
            conn = connection;
        }
        RedisFuture<KeyValue<String, ScoredValue<String>>> future = conn.async().bzpopmin(seconds, markerKey);
        try {
            future.get((long) (seconds * 1000) + WATCHDOG_MILLIS + ctx.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            drop(conn);
            throw e;
        } catch (TimeoutException e) {
            LOG.warn("{} - BZPOPMIN did not return in time; reconnecting", connectionName);
            future.cancel(true);
            drop(conn);
        } catch (ExecutionException e) {
            LOG.debug("{} - waiting on the marker failed: {}", connectionName, e.getCause().toString());
            Thread.sleep(Math.min(ERROR_PAUSE_MILLIS, Math.max(1, maxWait.toMillis())));
        }
    }

    private synchronized void drop(RedisConnections.Dedicated conn) {
        if (connection == conn) {
            connection = null;
        }
        conn.closeAsync();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (connection != null) {
            connection.closeAsync();
            connection = null;
        }
    }
}
