package io.taskqueue.redis.internal;

import io.taskqueue.BackendException;
import io.taskqueue.TaskQueueException;
import io.taskqueue.spi.Backends;
import java.util.Locale;

/**
 * Turns a failure to open a backend into an error whose first line says what went wrong. Lettuce
 * reports a refused password as "Unable to connect" with the server's {@code WRONGPASS} reply deep
 * in the cause chain, and a missing password only at the first command ({@code NOAUTH}); both are
 * configuration mistakes, so the message names them and the URL (password masked), never the password.
 */
final class ConnectFailures {
    private ConnectFailures() {
    }

    /** The exception to throw for {@code failure}, raised while connecting to {@code url}. */
    static TaskQueueException translate(Throwable failure, String url) {
        String masked = Backends.maskPassword(url);
        String reply = serverReply(failure);
        if (reply != null) {
            String upper = reply.toUpperCase(Locale.ROOT);
            if (upper.startsWith("WRONGPASS") || upper.startsWith("ERR INVALID PASSWORD")
                    || upper.startsWith("ERR INVALID USERNAME-PASSWORD")) {
                return new BackendException("Redis refused the credentials for " + masked + " (" + reply + ")", failure);
            }
            if (upper.startsWith("NOAUTH")) {
                return new BackendException("Redis requires a password (NOAUTH) at " + masked
                        + ": put it in the URL, e.g. redis://:<password>@host:port, or redis://<user>:<password>@host:port"
                        + " for an ACL user (" + reply + ")", failure);
            }
            if (upper.startsWith("ERR AUTH") && upper.contains("WITHOUT ANY PASSWORD CONFIGURED")) {
                return new BackendException("the URL " + masked + " gives a password, but Redis has none configured ("
                        + reply + ")", failure);
            }
        }
        if (failure instanceof TaskQueueException t) {
            return t;
        }
        return new BackendException("cannot connect to Redis at " + masked + ": " + rootMessage(failure), failure);
    }

    /** The first Redis error reply in the cause chain that concerns authentication, or {@code null}. */
    private static String serverReply(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            String message = e.getMessage();
            if (message == null) {
                continue;
            }
            String upper = message.toUpperCase(Locale.ROOT);
            if (upper.startsWith("WRONGPASS") || upper.startsWith("NOAUTH") || upper.startsWith("ERR AUTH")
                    || upper.startsWith("ERR INVALID PASSWORD") || upper.startsWith("ERR INVALID USERNAME-PASSWORD")) {
                return message.strip();
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = failure.getMessage();
        String bottom = root.getMessage();
        if (root == failure || bottom == null) {
            return String.valueOf(top);
        }
        return top + " (" + bottom + ")";
    }
}
