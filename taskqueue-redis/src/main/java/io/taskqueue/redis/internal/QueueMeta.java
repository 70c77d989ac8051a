package io.taskqueue.redis.internal;

/**
 * The queue's meta hash as a BullMQ Queue writes it when it is constructed (docs/protocol.md §3):
 * {@code opts.maxLenEvents} if missing, and {@code version}. Written once per backend and queue,
 * just before the first operation that may create the queue (an add, a flow, a scheduler, a
 * worker's fetch, pause or a limit), never by a read: opening a queue to list or inspect it stores
 * nothing, so a read-only Redis user can do it and it does not make the queue appear to exist.
 */
final class QueueMeta {
    private final RedisContext ctx;
    private final Keys keys;
    private volatile boolean written;

    QueueMeta(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    /** Writes the meta hash unless this backend already did; concurrent first calls both write, harmlessly. */
    void ensureWritten() {
        if (written) {
            return;
        }
        var async = ctx.connection().async();
        ctx.await(async.hsetnx(keys.meta(), "opts.maxLenEvents", Integer.toString(ctx.maxLenEvents()))
                .thenCompose(ignored -> async.hset(keys.meta(), "version", RedisBackendConstants.VERSION)),
                "write meta of queue " + keys.queue());
        written = true;
    }
}
