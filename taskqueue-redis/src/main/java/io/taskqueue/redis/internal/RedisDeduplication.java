package io.taskqueue.redis.internal;

import io.taskqueue.spi.DeduplicationSupport;

/**
 * Capability {@code DEDUPLICATION} on Redis (docs/protocol.md §5.14): the adds themselves are
 * deduplicated inside {@code addJob}; here are the reads and the manual release of an id, with
 * BullMQ's plain commands on {@code de:<id>} and {@code dn:<id>}.
 */
final class RedisDeduplication implements DeduplicationSupport {
    private final RedisContext ctx;
    private final Keys keys;

    RedisDeduplication(RedisContext ctx, Keys keys) {
        this.ctx = ctx;
        this.keys = keys;
    }

    @Override
    public String deduplicationOwner(String dedupId) {
        return ctx.await(ctx.connection().async().get(keys.dedup(dedupId)), "deduplicationOwner");
    }

    @Override
    public boolean removeDeduplication(String dedupId) {
        Long removed = ctx.await(ctx.connection().async().del(keys.dedup(dedupId), keys.dedupNext(dedupId)),
                "removeDeduplication");
        return removed != null && removed > 0;
    }
}
