package io.taskqueue.example.booklogr;

import io.taskqueue.worker.WorkerError;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Words for a database failure. Every one is retried: an outage passes, and a schema the API is
 * migrating is back in a moment; the job's attempts bound the wait. A message says which kind it
 * was, so an operator tells "the database is down" from "a statement failed".
 */
final class DatabaseErrors {
    private DatabaseErrors() {
    }

    /** A retryable failure for {@code e}. */
    static WorkerError retryable(SQLException e) {
        return WorkerError.retryable((unavailable(e) ? "books database unavailable: " : "books database error: ")
                + e.getMessage(), e);
    }

    /** Whether {@code e} says no connection could be had (SQL state class 08, or the pool timing out). */
    static boolean unavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
