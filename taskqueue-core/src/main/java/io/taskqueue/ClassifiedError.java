package io.taskqueue;

/**
 * An exception that states its own {@link ErrorCategory}, for code that knows better than any rule
 * by type (a worker framework's error with a {@code permanent} flag, a client that read a partner's
 * error code). The worker believes the first such error in a failure's cause chain before it asks
 * the {@link ErrorClassifier}; {@link UnrecoverableJobException} is read the same way, as
 * {@link ErrorCategory#PERMANENT}.
 */
public interface ClassifiedError {
    /** The category of this failure; never {@code null}. */
    ErrorCategory category();
}
