package io.taskqueue.satloc;

import java.util.Objects;

/**
 * Bytes the parser could not accept as a record.
 *
 * @param offset byte offset in the input where the rejected frame or unsynchronised run starts
 * @param reason human-readable cause, e.g. "checksum mismatch"
 */
public record Rejection(long offset, String reason) {

    /** Rejects a null reason. */
    public Rejection {
        Objects.requireNonNull(reason, "reason");
    }
}
