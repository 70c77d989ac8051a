package io.taskqueue.postgres;

import io.taskqueue.ErrorCategory;
import java.util.Arrays;
import java.util.Optional;

/**
 * The six error categories the tracker stores and groups by (the seed's {@code categorizeError}
 * verdicts). Each maps to a core {@link ErrorCategory} so the worker can act on it; see
 * {@link TrackerErrorClassifier} for the default mapping from exception types.
 */
public enum TaskErrorCategory {
    /** Timeouts, connection resets, temporary unavailability. */
    TRANSIENT("transient", true),
    /** Bad input or missing fields: fails the same way again, so it is not retried. */
    VALIDATION("validation", false),
    /** Business logic or inconsistent data. */
    PROCESSING("processing", true),
    /** Our own database, file system or resources. */
    INFRASTRUCTURE("infrastructure", true),
    /** An external partner's API refused or failed. */
    PARTNER_API("partner_api", true),
    /** Anything not recognised. */
    UNKNOWN("unknown", true);

    private final String wireName;
    private final ErrorCategory coreCategory;

    TaskErrorCategory(String wireName, boolean retryable) {
        this.wireName = wireName;
        this.coreCategory = new ErrorCategory(wireName, retryable);
    }

    /** The stored name, e.g. {@code partner_api}. */
    public String wireName() {
        return wireName;
    }

    /** The core category a worker sees (its name is {@link #wireName()}). */
    public ErrorCategory coreCategory() {
        return coreCategory;
    }

    /** Parses a stored name. */
    public static TaskErrorCategory fromWireName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown error category: " + name));
    }

    /** The tracker category named like a core category, if any (core's {@code permanent} has none). */
    public static Optional<TaskErrorCategory> find(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
