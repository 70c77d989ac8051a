package io.taskqueue.redis.internal;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers cancel requests for a queue's active jobs from its cancel channel (docs/protocol.md
 * §5.19, ours), on a dedicated pub/sub connection that Lettuce re-subscribes after a reconnect.
 * Best effort: the durable flag that lock renewal reads is the reliable path.
 */
final class CancelListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CancelListener.class);

    private final StatefulRedisPubSubConnection<String, String> connection;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CancelListener(StatefulRedisPubSubConnection<String, String> connection) {
        this.connection = connection;
    }

    /** Subscribes to {@code channel}; {@code onJobId} gets each announced job id on a Lettuce thread. */
    static CancelListener start(RedisContext ctx, String channel, Consumer<String> onJobId) {
        StatefulRedisPubSubConnection<String, String> conn;
        try {
            conn = ctx.connection().pubSub();
        } catch (RuntimeException e) {
            throw RedisContext.translate(e, "open cancel listener");
        }
        conn.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String jobId) {
                if (!channel.equals(ch)) {
                    return;
                }
                try {
                    onJobId.accept(jobId);
                } catch (RuntimeException e) {
                    LOG.warn("{} - cancel callback failed for job {}", channel, jobId, e);
                }
            }
        });
        CancelListener listener = new CancelListener(conn);
        try {
            ctx.await(conn.async().subscribe(channel), "subscribe " + channel);
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
        return listener;
    }

    /** Stops the deliveries and closes the connection. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connection.closeAsync();
        }
    }
}
