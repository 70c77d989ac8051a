package io.taskqueue.worker;

import io.taskqueue.redis.RedisBackend;

/** A fixture that breaks the rule "the worker framework depends only on the core". */
public final class AWorkerThatPicksRedis {
    private AWorkerThatPicksRedis() {
    }

    /** Names a backend class the framework must never need. */
    public static Class<?> backend() {
        return RedisBackend.class;
    }
}
