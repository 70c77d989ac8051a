package io.taskqueue.worker;

import java.util.regex.Pattern;

/** Keeps passwords out of messages and logs. */
final class Secrets {
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^@/]*)@");

    private Secrets() {
    }

    /** {@code url} with the password of its user part replaced by {@code ***}. */
    static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        var m = USER_INFO.matcher(url);
        if (!m.find()) {
            return url;
        }
        String userInfo = m.group(2);
        int colon = userInfo.indexOf(':');
        // Without a colon the user part is a password to Redis clients (redis://secret@host).
        String masked = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
        return m.group(1) + masked + "@" + url.substring(m.end());
    }
}
