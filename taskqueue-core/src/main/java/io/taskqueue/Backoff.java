package io.taskqueue;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before retrying a failed attempt, stored with the job as BullMQ stores it:
 * {@code {type, delay, jitter?}}.
 *
 * <p>Built-in types: {@code fixed} (always {@code delay}) and {@code exponential}
 * ({@code round(2^(n-1) * delay)} for the n-th attempt, so delay, 2·delay, 4·delay, ...). A jitter
 * j in (0, 1] spreads each delay uniformly over {@code [d·(1-j), d)}. Any other type names a
 * custom {@link BackoffStrategy} registered on the worker.
 *
 * @param type {@code fixed}, {@code exponential} or a custom strategy name
 * @param delayMillis the base delay in milliseconds, at least 0
 * @param jitter 0 for none, up to 1
 */
public record Backoff(String type, long delayMillis, double jitter) {
    /** Type name of the fixed strategy. */
    public static final String FIXED = "fixed";
    /** Type name of the exponential strategy. */
    public static final String EXPONENTIAL = "exponential";

    public Backoff {
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("backoff type must not be blank");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("backoff delay must not be negative: " + delayMillis);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoff jitter must lie in [0, 1]: " + jitter);
        }
    }

    /** The same delay before every retry. */
    public static Backoff fixed(Duration delay) {
        return new Backoff(FIXED, delay.toMillis(), 0);
    }

    /** Doubling delays: delay, 2·delay, 4·delay, ... */
    public static Backoff exponential(Duration delay) {
        return new Backoff(EXPONENTIAL, delay.toMillis(), 0);
    }

    /** A strategy registered on the worker under {@code type}. */
    public static Backoff custom(String type, Duration delay) {
        return new Backoff(type, delay.toMillis(), 0);
    }

    /** This backoff with a jitter in [0, 1]. */
    public Backoff withJitter(double jitter) {
        return new Backoff(type, delayMillis, jitter);
    }

    /** True for {@code fixed} and {@code exponential}. */
    public boolean isBuiltIn() {
        return FIXED.equals(type) || EXPONENTIAL.equals(type);
    }
}
