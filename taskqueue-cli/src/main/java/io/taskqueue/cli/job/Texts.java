package io.taskqueue.cli.job;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How job fields read in tables and text: times in UTC, long reasons shortened, counts grouped. */
final class Texts {
    private Texts() {
    }

    /** An epoch-millisecond time as {@code 2024-05-01T12:00:00Z} (seconds are enough in a table). */
    static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An epoch-millisecond time with its milliseconds, for one job's details. */
    static String exactTime(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    /**
     * The first line of {@code text}, cut to {@code max} characters with an ellipsis; a failed reason
     * can be a whole stack trace, which would wreck a table.
     */
    static String trim(String text, int max) {
        if (text == null) {
            return null;
        }
        int newline = text.indexOf('\n');
        String line = (newline >= 0 ? text.substring(0, newline) : text).stripTrailing();
        boolean cut = newline >= 0 && newline < text.length() - 1;
        if (line.length() > max) {
            line = line.substring(0, max - 1);
            cut = true;
        }
        return cut ? line + "…" : line;
    }

    /** {@code 1234567} as {@code 1,234,567}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 job} or {@code 3 jobs}. */
    static String jobs(long n) {
        return count(n) + (n == 1 ? " job" : " jobs");
    }
}
