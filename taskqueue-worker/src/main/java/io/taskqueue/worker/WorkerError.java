package io.taskqueue.worker;

import io.taskqueue.ClassifiedError;
import io.taskqueue.ErrorCategory;
import io.taskqueue.TaskQueueException;
import java.util.Objects;

/**
 * A task failure that says whether another attempt can help. A permanent one fails the task at once,
 * whatever attempts remain; a retryable one is retried with the job's backoff while attempts
 * remain. It states its {@link ErrorCategory}, so the worker and observers (a task tracker, metrics)
 * file it under that category without a second opinion.
 *
 * <pre>{@code
 * if (response.statusCode() == 404) {
 *     throw WorkerError.permanent("no such account: " + task.accountId());
 * }
 * throw WorkerError.retryable("partner API answered " + response.statusCode());
 * }</pre>
 */
public class WorkerError extends TaskQueueException implements ClassifiedError {
    private static final long serialVersionUID = 1L;
    private final transient ErrorCategory category;

    /** A failure under {@code category}; permanent when the category is not retryable. */
    public WorkerError(String message, ErrorCategory category, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    /** A failure, permanent ({@link ErrorCategory#PERMANENT}) or not ({@link ErrorCategory#TRANSIENT}). */
    public WorkerError(String message, boolean permanent) {
        this(message, permanent ? ErrorCategory.PERMANENT : ErrorCategory.TRANSIENT, null);
    }

    /** A failure that no retry can mend. */
    public static WorkerError permanent(String message) {
        return new WorkerError(message, ErrorCategory.PERMANENT, null);
    }

    /** A failure that no retry can mend, caused by {@code cause}. */
    public static WorkerError permanent(String message, Throwable cause) {
        return new WorkerError(message, ErrorCategory.PERMANENT, cause);
    }

    /** A failure that another attempt may not meet (a timeout, a partner's outage). */
    public static WorkerError retryable(String message) {
        return new WorkerError(message, ErrorCategory.TRANSIENT, null);
    }

    /** A failure that another attempt may not meet, caused by {@code cause}. */
    public static WorkerError retryable(String message, Throwable cause) {
        return new WorkerError(message, ErrorCategory.TRANSIENT, cause);
    }

    /** A task whose input is wrong: {@link ErrorCategory#VALIDATION}, never retried. */
    public static WorkerError invalidTask(String message) {
        return new WorkerError(message, ErrorCategory.VALIDATION, null);
    }

    /** True when no retry can mend it (its category is not retryable). */
    public boolean permanent() {
        return !category.retryable();
    }

    @Override
    public ErrorCategory category() {
        return category;
    }
}
