package io.taskqueue;

import io.taskqueue.redis.RedisBackendOptions;

/** A fixture that breaks a rule on purpose: core code that needs the Redis module. */
public final class AReachIntoRedis {
    Object options() {
        return RedisBackendOptions.builder().build();
    }
}
