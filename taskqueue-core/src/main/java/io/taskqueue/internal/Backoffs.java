package io.taskqueue.internal;

import io.taskqueue.Backoff;
import java.util.function.DoubleSupplier;

/** BullMQ's built-in backoff formulas (docs/protocol.md §8), computed in the worker, never in the backend. */
public final class Backoffs {
    private Backoffs() {
    }

    /**
     * The delay before the next attempt.
     *
     * @param backoff a built-in backoff
     * @param attemptsMade attempts made so far, including the one that just failed (n ≥ 1)
     * @param random uniform on [0, 1), used only with jitter
     */
    public static long delayMillis(Backoff backoff, int attemptsMade, DoubleSupplier random) {
        long base = switch (backoff.type()) {
            case Backoff.FIXED -> backoff.delayMillis();
            case Backoff.EXPONENTIAL -> Math.round(Math.pow(2, attemptsMade - 1) * backoff.delayMillis());
            default -> throw new IllegalArgumentException("not a built-in backoff: " + backoff.type());
        };
        double jitter = backoff.jitter();
        if (jitter > 0) {
            return (long) Math.floor(random.getAsDouble() * base * jitter + base * (1 - jitter));
        }
        return base;
    }
}
