package io.taskqueue;

/** A live subscription (to events or notifications); closing it stops delivery. Idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
