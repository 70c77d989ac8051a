package io.taskqueue.cli.tracker;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How tracker values look in tables: short enough for a terminal line; --json keeps them whole. */
public final class Cells {
    /** The longest error message shown in a table cell. */
    private static final int ERROR_WIDTH = 60;

    private Cells() {
    }

    /** An instant to the second, e.g. {@code 2025-06-03T13:00:00Z}; {@code null} stays null. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An instant in full (Postgres keeps microseconds), for JSON; {@code null} stays null. */
    public static String exact(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The first line of an error message, cut to fit a cell. */
    public static String error(String message) {
        if (message == null) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= ERROR_WIDTH ? line : line.substring(0, ERROR_WIDTH - 3) + "...";
    }

    /** A duration as {@code 7d}, {@code 2h}, {@code 1h02m03s}, {@code 4m05s} or {@code 6s}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s >= 3600 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s >= 3600) {
            return String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60);
        }
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
