package io.taskqueue.postgres.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Remembers that the database failed, so job threads stop waiting on it: after a failure, calls
 * are refused for {@code retryInterval}; then they may try again, and any success closes it.
 *
 * <p>Runs on a monotonic nanosecond source, not the tracker's clock: tests pin that clock to write
 * known timestamps, and a pinned clock must not keep the breaker open forever.
 */
final class Breaker {
    private static final long CLOSED = Long.MIN_VALUE;
    private final LongSupplier nanos;
    private final long retryNanos;
    private final AtomicLong openUntil = new AtomicLong(CLOSED);

    Breaker(LongSupplier nanos, Duration retryInterval) {
        this.nanos = nanos;
        this.retryNanos = retryInterval.toNanos();
    }

    boolean allows() {
        long until = openUntil.get();
        return until == CLOSED || nanos.getAsLong() - until >= 0;
    }

    boolean isClosed() {
        return openUntil.get() == CLOSED;
    }

    void failed() {
        openUntil.set(nanos.getAsLong() + retryNanos);
    }

    void succeeded() {
        if (openUntil.get() != CLOSED) {
            openUntil.set(CLOSED);
        }
    }
}
