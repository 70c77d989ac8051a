package io.taskqueue.postgres;

import io.taskqueue.ErrorCategory;
import io.taskqueue.ErrorClassifier;
import io.taskqueue.PayloadException;
import io.taskqueue.UnrecoverableJobException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.SocketTimeoutException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
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
 * An {@link ErrorClassifier} that files every failure under one of the six
 * {@link TaskErrorCategory tracker categories}. Give it to the worker
 * ({@code Worker.builder(...).errorClassifier(tracker.errorClassifier())}) so the category the worker
 * acts on and the one the tracker stores are the same.
 *
 * <p>The default mapping, most specific type first: {@link PartnerApiException} → partner_api;
 * {@link PayloadException}, {@link IllegalArgumentException}, {@link NumberFormatException} and
 * {@link UnrecoverableJobException} → validation; {@link SQLTransientException},
 * {@link SQLTimeoutException}, {@link TimeoutException}, {@link SocketTimeoutException},
 * and other {@link IOException}s (HTTP client timeouts included) → transient; other
 * {@link SQLException}s, {@link SQLRecoverableException}, {@link FileSystemException},
 * {@link FileNotFoundException}, {@link OutOfMemoryError} and {@link StackOverflowError} →
 * infrastructure; other runtime exceptions and errors → processing; anything else → unknown.
 *
 * <p>The cause chain is searched: wrappers ({@link ExecutionException}, {@link CompletionException},
 * {@link UncheckedIOException}, reflection wrappers, an {@link UnrecoverableJobException} with a
 * cause, and a bare {@link RuntimeException} with a cause) are looked through, and the first specific match wins. App rules added with
 * {@link Builder#map} are consulted before the defaults.
 */
public final class TrackerErrorClassifier implements ErrorClassifier {
    private static final Map<Class<? extends Throwable>, TaskErrorCategory> DEFAULTS = defaults();
    private static final int MAX_CAUSE_DEPTH = 10;

    private final Map<Class<? extends Throwable>, TaskErrorCategory> rules;

    private TrackerErrorClassifier(Map<Class<? extends Throwable>, TaskErrorCategory> rules) {
        this.rules = rules;
    }

    /** The default mapping only. */
    public static TrackerErrorClassifier create() {
        return builder().build();
    }

    /** A builder for a classifier with app rules ahead of the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ErrorCategory classify(Throwable error) {
        return categorize(error).coreCategory();
    }

    /** The tracker category of {@code error}; never {@code null}. */
    public TaskErrorCategory categorize(Throwable error) {
        Objects.requireNonNull(error, "error");
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < MAX_CAUSE_DEPTH && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            if (isWrapper(t)) {
                continue;
            }
            TaskErrorCategory specific = match(t);
            if (specific != null) {
                return specific;
            }
        }
        // Nothing specific anywhere in the chain: judge by the outermost error's kind.
        Throwable outer = chain.get(0);
        return outer instanceof RuntimeException || outer instanceof Error
                ? TaskErrorCategory.PROCESSING : TaskErrorCategory.UNKNOWN;
    }

    private TaskErrorCategory match(Throwable t) {
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
                || t instanceof UndeclaredThrowableException || t instanceof UnrecoverableJobException
                // A bare RuntimeException with a cause is almost always "wrap a checked exception".
                || t.getClass() == RuntimeException.class);
    }

    private static Map<Class<? extends Throwable>, TaskErrorCategory> defaults() {
        Map<Class<? extends Throwable>, TaskErrorCategory> m = new LinkedHashMap<>();
        m.put(PartnerApiException.class, TaskErrorCategory.PARTNER_API);
        m.put(PayloadException.class, TaskErrorCategory.VALIDATION);
        m.put(IllegalArgumentException.class, TaskErrorCategory.VALIDATION);
        m.put(UnrecoverableJobException.class, TaskErrorCategory.VALIDATION);
        m.put(SQLTransientException.class, TaskErrorCategory.TRANSIENT);
        m.put(SQLTimeoutException.class, TaskErrorCategory.TRANSIENT);
        m.put(TimeoutException.class, TaskErrorCategory.TRANSIENT);
        m.put(SocketTimeoutException.class, TaskErrorCategory.TRANSIENT);
        m.put(IOException.class, TaskErrorCategory.TRANSIENT);
        m.put(SQLException.class, TaskErrorCategory.INFRASTRUCTURE);
        m.put(SQLRecoverableException.class, TaskErrorCategory.INFRASTRUCTURE);
        m.put(FileSystemException.class, TaskErrorCategory.INFRASTRUCTURE);
        m.put(FileNotFoundException.class, TaskErrorCategory.INFRASTRUCTURE);
        m.put(OutOfMemoryError.class, TaskErrorCategory.INFRASTRUCTURE);
        m.put(StackOverflowError.class, TaskErrorCategory.INFRASTRUCTURE);
        return Map.copyOf(m);
    }

    /** Builder for {@link TrackerErrorClassifier}. */
    public static final class Builder {
        private final Map<Class<? extends Throwable>, TaskErrorCategory> extra = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Files {@code type} (and its subtypes, unless a more specific rule exists) under
         * {@code category}; app rules override the defaults for the same type.
         */
        public Builder map(Class<? extends Throwable> type, TaskErrorCategory category) {
            extra.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(category, "category"));
            return this;
        }

        public TrackerErrorClassifier build() {
            Map<Class<? extends Throwable>, TaskErrorCategory> rules = new LinkedHashMap<>(DEFAULTS);
            rules.putAll(extra);
            return new TrackerErrorClassifier(Map.copyOf(rules));
        }
    }
}
