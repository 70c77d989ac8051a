package io.taskqueue.redis.internal;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.taskqueue.EventCursor;
import io.taskqueue.QueueEvent;
import io.taskqueue.Subscription;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a queue's events stream (docs/protocol.md §6) with {@code XREAD BLOCK} on a connection it
 * owns (named like BullMQ's QueueEvents connection) and delivers {@link QueueEvent}s in order on a
 * thread it owns, resuming after the last delivered id across reconnects. A cursor is a stream id:
 * {@link EventCursor#EARLIEST} is {@code 0}, {@link EventCursor#LATEST} the id of the newest entry
 * when the subscription starts.
 */
final class EventStream implements Subscription, Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final long BLOCK_MILLIS = 5000;
    private static final int BATCH = 1000;
    private static final long ERROR_PAUSE_MILLIS = 500;
    private static final Pattern STREAM_ID = Pattern.compile("\\d+(-\\d+)?");

    private final RedisContext ctx;
    private final Keys keys;
    private final Consumer<QueueEvent> consumer;
    private final RedisConnections.Dedicated connection;
    private final Thread thread;
    private volatile boolean closed;
    private String lastId;

    private EventStream(RedisContext ctx, Keys keys, EventCursor after, Consumer<QueueEvent> consumer) {
        if (!after.isLatest() && !STREAM_ID.matcher(after.position()).matches()) {
            throw new IllegalArgumentException("not an event cursor of the Redis backend (a stream id such as"
                    + " 1700000000000-0): " + after.position());
        }
        this.ctx = ctx;
        this.keys = keys;
        this.consumer = consumer;
        try {
            this.connection = ctx.connection().dedicated(keys.eventsConnectionName());
        } catch (RuntimeException e) {
            throw RedisContext.translate(e, "open events connection");
        }
        try {
            this.lastId = after.isLatest() ? currentLastId() : after.position();
        } catch (RuntimeException e) {
            connection.closeAsync();
            throw e;
        }
        this.thread = new Thread(this, "taskqueue-events-" + keys.queue());
        thread.setDaemon(true);
    }

    /** Starts delivering the events written after {@code after}. */
    static Subscription start(RedisContext ctx, Keys keys, EventCursor after, Consumer<QueueEvent> consumer) {
        EventStream stream = new EventStream(ctx, keys, after, consumer);
        stream.thread.start();
        return stream;
    }

    private String currentLastId() {
        List<StreamMessage<String, String>> last = ctx.await(
                connection.async().xrevrange(keys.events(), Range.create("-", "+"), Limit.from(1)), "XREVRANGE events");
        return last.isEmpty() ? "0-0" : last.get(0).getId();
    }

    @Override
    public void run() {
        XReadArgs args = XReadArgs.Builder.block(BLOCK_MILLIS).count(BATCH);
        while (!closed) {
            try {
                List<StreamMessage<String, String>> batch = connection.async()
                        .xread(args, XReadArgs.StreamOffset.from(keys.events(), lastId))
                        .get(BLOCK_MILLIS + ctx.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (batch == null) {
                    continue;
                }
                for (StreamMessage<String, String> m : batch) {
                    lastId = m.getId();
                    deliver(m);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                LOG.warn("{} - reading events failed, retrying after {}: {}", keys.queue(), lastId, e.toString());
                pause();
            }
        }
    }

    private void deliver(StreamMessage<String, String> m) {
        Map<String, String> fields = new LinkedHashMap<>(m.getBody());
        String event = fields.remove("event");
        if (event == null) {
            return;
        }
        try {
            consumer.accept(new QueueEvent(m.getId(), event, fields));
        } catch (RuntimeException e) {
            LOG.warn("{} - event consumer failed on {} {}", keys.queue(), event, m.getId(), e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(ERROR_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connection.closeAsync();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
