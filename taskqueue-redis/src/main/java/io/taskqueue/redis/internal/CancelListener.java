package io.taskqueue.redis.internal;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.taskqueue.Subscription;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers cancel requests for a queue's active jobs from its cancel channel, on a dedicated pub/sub
 * connection (re-subscribed by Lettuce after a reconnect). Best effort: the durable flag read by
 * extendLocks is the reliable path.
 */
final class CancelListener {
    private static final Logger LOG = LoggerFactory.getLogger(CancelListener.class);

    private CancelListener() {
    }

    static Subscription start(RedisContext ctx, String channel, Consumer<String> onJobId) {
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
        ctx.await(conn.async().subscribe(channel), "subscribe " + channel);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                conn.closeAsync();
            }
        };
    }
}
