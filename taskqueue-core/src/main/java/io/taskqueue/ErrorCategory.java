package io.taskqueue;

import java.util.Objects;

/**
 * What kind of failure an exception represents, as decided by an {@link ErrorClassifier}. A
 * category that is not retryable fails its job at once, whatever attempts remain.
 *
 * @param name a stable lower-case name, e.g. {@code transient} (stored by trackers, grouped in stats)
 * @param retryable whether another attempt may help
 */
public record ErrorCategory(String name, boolean retryable) {
    /** Timeouts, connection resets, throttling: retry. */
    public static final ErrorCategory TRANSIENT = new ErrorCategory("transient", true);
    /** Bad input that will fail the same way again. Retryable by default to keep BullMQ semantics. */
    public static final ErrorCategory VALIDATION = new ErrorCategory("validation", true);
    /** A bug or unexpected condition in the handler. */
    public static final ErrorCategory PROCESSING = new ErrorCategory("processing", true);
    /** Databases, disks, queues: our own infrastructure failed. */
    public static final ErrorCategory INFRASTRUCTURE = new ErrorCategory("infrastructure", true);
    /** The handler declared the failure permanent ({@link UnrecoverableJobException}). */
    public static final ErrorCategory PERMANENT = new ErrorCategory("permanent", false);
    /** Anything the classifier does not recognise. */
    public static final ErrorCategory UNKNOWN = new ErrorCategory("unknown", true);

    public ErrorCategory {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("category name must not be blank");
        }
    }
}
