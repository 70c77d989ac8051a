package io.taskqueue;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written by people, in configuration and on command lines: {@code 500ms}, {@code 30s},
 * {@code 15m}, {@code 1h}, {@code 7d}, combined as {@code 1h30m}, or ISO-8601 ({@code PT1H},
 * {@code P7D}). A bare number is refused: {@code 60} may mean seconds or minutes, and guessing
 * wrong can clean a queue or stall a worker. The one reader and writer of this format.
 */
public final class DurationText {
    /** What the error messages offer as examples of accepted text. */
    public static final String EXAMPLES = "use e.g. 500ms, 30s, 15m, 1h, 7d, 1h30m, or ISO-8601 such as PT1H";
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the text and saying what is accepted
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty duration: " + EXAMPLES);
        }
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return nonNegative(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration: " + EXAMPLES);
            }
        }
        if (t.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' has no unit: " + EXAMPLES);
        }
        Matcher m = PART.matcher(t.toLowerCase(Locale.ROOT));
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(part(Long.parseLong(m.group(1)), m.group(2), text));
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: " + EXAMPLES);
        }
        return total;
    }

    /** {@code d} the way {@link #parse} reads it back, largest units first: {@code 1h30m}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration d) {
        StringBuilder out = new StringBuilder();
        append(out, d.toDays(), "d");
        append(out, d.toHoursPart(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        append(out, d.toMillisPart(), "ms");
        return out.length() == 0 ? "0s" : out.toString();
    }

    private static Duration part(long amount, String unit, String text) {
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
    }

    private static Duration nonNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative: " + EXAMPLES);
        }
        return d;
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            out.append(amount).append(unit);
        }
    }
}
