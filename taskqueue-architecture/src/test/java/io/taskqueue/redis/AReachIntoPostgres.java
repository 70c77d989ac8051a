package io.taskqueue.redis;

import io.taskqueue.postgres.TaskTrackerOptions;

/** A fixture that breaks a rule on purpose: the Redis module reaching into the Postgres one. */
public final class AReachIntoPostgres {
    Object options() {
        return TaskTrackerOptions.builder();
    }
}
