package io.taskqueue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.SocketTimeoutException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Maps a handler's exception to an {@link ErrorCategory}: the one place where failures are
 * classified. Set once on the {@link TaskQueue}; the worker asks it on every failed attempt, and
 * observers read the verdict from {@link JobOutcome.Failed#category()}.
 */
@FunctionalInterface
public interface ErrorClassifier {
    /** The category of {@code error}; never {@code null}. */
    ErrorCategory classify(Throwable error);

    /** The default rules ({@link Builder}) and nothing else. */
    static ErrorClassifier defaults() {
        return builder().build();
    }

    /** A builder whose rules come before the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Rules from exception types to categories. The most specific registered supertype of an error
     * wins; rules added with {@link #map} replace the defaults for the same type. The cause chain is
     * searched: wrappers ({@link ExecutionException}, {@link CompletionException},
     * {@link UncheckedIOException}, reflection wrappers, and a bare {@link RuntimeException} with a
     * cause, the usual "wrap a checked exception") are looked through, and the first error in the
     * chain that matches a rule decides. Without a match the outermost error decides: a runtime
     * exception or error is processing, anything else unknown.
     *
     * <p>The defaults: {@link UnrecoverableJobException} and {@link UnsupportedCapabilityException} →
     * permanent; {@link PayloadException} and
     * {@link IllegalArgumentException} → validation; {@link IOException} (socket timeouts included),
     * {@link TimeoutException} and {@link SQLTransientException} → transient;
     * {@link FileSystemException}, {@link FileNotFoundException}, {@link SQLException},
     * {@link BackendException}, {@link OutOfMemoryError} and {@link StackOverflowError} →
     * infrastructure.
     */
    final class Builder {
        private static final int MAX_CAUSE_DEPTH = 10;
        private final Map<Class<? extends Throwable>, ErrorCategory> rules = new LinkedHashMap<>();

        private Builder() {
            rules.put(UnrecoverableJobException.class, ErrorCategory.PERMANENT);
            // Another attempt on the same backend cannot gain a capability it lacks.
            rules.put(UnsupportedCapabilityException.class, ErrorCategory.PERMANENT);
            rules.put(PayloadException.class, ErrorCategory.VALIDATION);
            rules.put(IllegalArgumentException.class, ErrorCategory.VALIDATION);
            rules.put(IOException.class, ErrorCategory.TRANSIENT);
            rules.put(SocketTimeoutException.class, ErrorCategory.TRANSIENT);
            rules.put(TimeoutException.class, ErrorCategory.TRANSIENT);
            rules.put(SQLTransientException.class, ErrorCategory.TRANSIENT);
            rules.put(FileSystemException.class, ErrorCategory.INFRASTRUCTURE);
            rules.put(FileNotFoundException.class, ErrorCategory.INFRASTRUCTURE);
            rules.put(SQLException.class, ErrorCategory.INFRASTRUCTURE);
            rules.put(SQLRecoverableException.class, ErrorCategory.INFRASTRUCTURE);
            rules.put(BackendException.class, ErrorCategory.INFRASTRUCTURE);
            rules.put(OutOfMemoryError.class, ErrorCategory.INFRASTRUCTURE);
            rules.put(StackOverflowError.class, ErrorCategory.INFRASTRUCTURE);
        }

        /** Files {@code type} and its subtypes (unless a more specific rule exists) under {@code category}. */
        public Builder map(Class<? extends Throwable> type, ErrorCategory category) {
            rules.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(category, "category"));
            return this;
        }

        /** The classifier; later changes to this builder do not affect it. */
        public ErrorClassifier build() {
            Map<Class<? extends Throwable>, ErrorCategory> frozen = Map.copyOf(rules);
            return error -> classify(frozen, Objects.requireNonNull(error, "error"));
        }

        private static ErrorCategory classify(Map<Class<? extends Throwable>, ErrorCategory> rules, Throwable error) {
            List<Throwable> chain = new ArrayList<>();
            for (Throwable t = error; t != null && chain.size() < MAX_CAUSE_DEPTH && !chain.contains(t);
                    t = t.getCause()) {
                chain.add(t);
            }
            for (Throwable t : chain) {
                if (isWrapper(t)) {
                    continue;
                }
                ErrorCategory match = match(rules, t);
                if (match != null) {
                    return match;
                }
            }
            return error instanceof RuntimeException || error instanceof Error
                    ? ErrorCategory.PROCESSING : ErrorCategory.UNKNOWN;
        }

        private static ErrorCategory match(Map<Class<? extends Throwable>, ErrorCategory> rules, Throwable t) {
            Class<?> best = null;
            for (Class<? extends Throwable> type : rules.keySet()) {
                if (type.isInstance(t) && (best == null || best.isAssignableFrom(type))) {
                    best = type;
                }
            }
            return best == null ? null : rules.get(best);
        }

        private static boolean isWrapper(Throwable t) {
            return t.getCause() != null && (t instanceof ExecutionException || t instanceof CompletionException
                    || t instanceof UncheckedIOException || t instanceof InvocationTargetException
                    || t instanceof UndeclaredThrowableException || t.getClass() == RuntimeException.class);
        }
    }
}
