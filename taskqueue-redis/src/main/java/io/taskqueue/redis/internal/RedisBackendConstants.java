package io.taskqueue.redis.internal;

/** Constants of the wire protocol this backend speaks. */
public final class RedisBackendConstants {
    /** Written to each queue's meta {@code version}: the BullMQ release whose protocol we match. */
    public static final String VERSION = "bullmq:6.7.0";

    private RedisBackendConstants() {
    }
}
