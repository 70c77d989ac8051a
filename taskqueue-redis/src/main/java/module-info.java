/**
 * taskqueue's Redis backend: Lettuce plus taskqueue's own Lua scripts, wire-compatible with BullMQ 6.7.
 * Opened from {@code redis://} URLs by {@code TaskQueue.open}, or configured in code with
 * {@link io.taskqueue.redis.RedisBackend#factory}.
 */
module io.taskqueue.redis {
    requires transitive io.taskqueue.core;
    requires transitive lettuce.core;

    exports io.taskqueue.redis;

    provides io.taskqueue.spi.BackendProvider with io.taskqueue.redis.RedisBackendProvider;
}
