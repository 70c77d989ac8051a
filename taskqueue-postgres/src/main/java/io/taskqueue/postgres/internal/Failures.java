package io.taskqueue.postgres.internal;

import java.sql.SQLException;

/** Tells a database that is away (retry later) from a statement it rejected (retrying cannot help). */
final class Failures {
    private Failures() {
    }

    /**
     * True when Postgres rejected the data or the statement itself: SQLSTATE classes 22 (data
     * exception), 23 (integrity) and 42 (syntax, undefined table). Everything else, connection
     * failures and timeouts included, counts as the database being away.
     */
    static boolean isBadData(Throwable error) {
        String state = sqlState(error);
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
    }

    static String describe(Throwable error) {
        String state = sqlState(error);
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return (state != null ? "SQLSTATE " + state + ": " : "") + root.getClass().getSimpleName() + ": "
                + root.getMessage();
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
