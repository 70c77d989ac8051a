package io.taskqueue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Maps a handler's exception to an {@link ErrorCategory}. The worker asks it on every failure; a
 * non-retryable category ends the job at once. Trackers store the category name.
 */
@FunctionalInterface
public interface ErrorClassifier {
    /** The category of {@code error}; never {@code null}. */
    ErrorCategory classify(Throwable error);

    /**
     * The default mapping: {@link UnrecoverableJobException} → permanent; I/O and timeouts →
     * transient; {@link IllegalArgumentException}, {@link IllegalStateException} and
     * {@link PayloadException} → validation; {@link Error}s and other runtime exceptions →
     * processing; the rest → unknown. Causes are not unwrapped.
     */
    static ErrorClassifier defaults() {
        return byType(new LinkedHashMap<>());
    }

    /**
     * The default mapping with {@code extra} consulted first (the most specific registered
     * supertype of the error wins, in insertion order).
     */
    static ErrorClassifier byType(Map<Class<? extends Throwable>, ErrorCategory> extra) {
        Map<Class<? extends Throwable>, ErrorCategory> rules = new LinkedHashMap<>(extra);
        rules.putIfAbsent(UnrecoverableJobException.class, ErrorCategory.PERMANENT);
        rules.putIfAbsent(PayloadException.class, ErrorCategory.VALIDATION);
        rules.putIfAbsent(IOException.class, ErrorCategory.TRANSIENT);
        rules.putIfAbsent(UncheckedIOException.class, ErrorCategory.TRANSIENT);
        rules.putIfAbsent(TimeoutException.class, ErrorCategory.TRANSIENT);
        rules.putIfAbsent(BackendException.class, ErrorCategory.INFRASTRUCTURE);
        rules.putIfAbsent(IllegalArgumentException.class, ErrorCategory.VALIDATION);
        rules.putIfAbsent(IllegalStateException.class, ErrorCategory.VALIDATION);
        rules.putIfAbsent(RuntimeException.class, ErrorCategory.PROCESSING);
        rules.putIfAbsent(Error.class, ErrorCategory.PROCESSING);
        Map<Class<? extends Throwable>, ErrorCategory> frozen = Map.copyOf(rules);
        return error -> {
            Objects.requireNonNull(error, "error");
            Class<?> best = null;
            for (Class<? extends Throwable> type : rules.keySet()) {
                if (type.isInstance(error) && (best == null || best.isAssignableFrom(type))) {
                    best = type;
                }
            }
            return best == null ? ErrorCategory.UNKNOWN : frozen.get(best);
        };
    }
}
