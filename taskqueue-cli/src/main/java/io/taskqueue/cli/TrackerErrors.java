package io.taskqueue.cli;

import io.taskqueue.postgres.TrackerException;
import java.sql.SQLException;

/**
 * The one line a database failure becomes. The driver's and Jdbi's messages carry statements,
 * arguments and stack-like detail; an operator needs the server's reason and what to do.
 */
final class TrackerErrors {
    /** SQLSTATE of a missing table. */
    private static final String UNDEFINED_TABLE = "42P01";

    private TrackerErrors() {
    }

    /** {@code e} (a query that failed) as the line to print. */
    static CliException of(Throwable e, TrackerSession session) {
        SQLException sql = sqlCause(e);
        if (sql != null && UNDEFINED_TABLE.equals(sql.getSQLState())) {
            return new CliException("no task tracker tables in " + session.describe() + ": run taskqueue migrate"
                    + (session.schema() == null ? "" : " --schema " + session.schema()) + " first");
        }
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return new CliException("lost the connection to the tracker database " + session.describe() + ": "
                    + firstLine(sql.getMessage()));
        }
        if (e instanceof TrackerException && sql == null) {
            return new CliException(firstLine(e.getMessage()));
        }
        return new CliException("tracker query failed on " + session.describe() + ": "
                + reason(e, null));
    }

    /** The innermost useful message of {@code e}, one line, with {@code secret} masked if present. */
    static String reason(Throwable e, String secret) {
        SQLException sql = sqlCause(e);
        Throwable source = sql != null ? sql : e;
        String message = source.getMessage() != null ? source.getMessage() : source.getClass().getSimpleName();
        message = firstLine(message);
        if (secret != null && !secret.isEmpty()) {
            message = message.replace(secret, "***");
        }
        return message;
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
