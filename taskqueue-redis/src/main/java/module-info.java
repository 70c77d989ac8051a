/**
 * taskqueue's Redis backend: Lettuce plus taskqueue's own Lua scripts, wire-compatible with BullMQ 6.7.
 */
module io.taskqueue.redis {
    requires transitive io.taskqueue.core;
    requires lettuce.core;

    exports io.taskqueue.redis;
}
