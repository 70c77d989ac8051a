package io.taskqueue.postgres.internal;

import io.taskqueue.postgres.TrackerException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a call an operator or host app made directly (a query, a replay, an archive). Unlike the
 * writes made for running jobs these are not buffered or bounded: a database that is away is the
 * caller's to know, as a {@link TrackerException}.
 */
public final class OperatorCalls {
    private OperatorCalls() {
    }

    /** The call's result; a database failure becomes a {@link TrackerException}. */
    public static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (JdbiException e) {
            throw new TrackerException("task tracker query failed: " + e.getMessage(), e);
        }
    }
}
