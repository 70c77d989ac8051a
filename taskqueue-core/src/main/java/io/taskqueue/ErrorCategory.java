package io.taskqueue;

import java.util.Objects;

/**
 * What kind of failure an exception represents, as decided by the {@link ErrorClassifier} of a
 * {@link TaskQueue}. The worker acts on it (a category that is not retryable fails its job at once,
 * whatever attempts remain) and observers such as a task tracker store its {@link #name()}; nobody
 * classifies a failure a second time. Applications add categories of their own, e.g.
 * {@code new ErrorCategory("partner_api", true)}.
 *
 * @param name a stable lower-case name, e.g. {@code transient} (stored, grouped in statistics)
 * @param retryable whether another attempt may help
 */
public record ErrorCategory(String name, boolean retryable) {
    /** Timeouts, connection resets, throttling: another attempt may well succeed. */
    public static final ErrorCategory TRANSIENT = new ErrorCategory("transient", true);
    /** Bad input that fails the same way on every attempt: not retried. */
    public static final ErrorCategory VALIDATION = new ErrorCategory("validation", false);
    /** A bug or an unexpected condition in the handler. */
    public static final ErrorCategory PROCESSING = new ErrorCategory("processing", true);
    /** Our own infrastructure failed: databases, disks, memory, the queue's backend. */
    public static final ErrorCategory INFRASTRUCTURE = new ErrorCategory("infrastructure", true);
    /** The handler declared the failure permanent ({@link UnrecoverableJobException}): not retried. */
    public static final ErrorCategory PERMANENT = new ErrorCategory("permanent", false);
    /** Anything the classifier does not recognise. */
    public static final ErrorCategory UNKNOWN = new ErrorCategory("unknown", true);

    public ErrorCategory {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || !name.equals(name.strip())) {
            throw new IllegalArgumentException("category name must be non-blank without surrounding spaces: '"
                    + name + "'");
        }
    }
}
