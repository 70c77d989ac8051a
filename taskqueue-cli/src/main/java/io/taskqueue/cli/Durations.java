package io.taskqueue.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations on the command line: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h}, {@code 7d},
 * combined as {@code 1h30m}, or ISO-8601 ({@code PT1H}, {@code P7D}). A bare number is refused: an
 * operator who types {@code --grace 60} may mean seconds or minutes, and a clean is not undone.
 */
public final class Durations implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final String EXAMPLES = "use e.g. 500ms, 30s, 15m, 1h, 7d, 1h30m, or ISO-8601 such as PT1H";

    /** Parses {@code text}; picocli reports a failure as a usage error naming the option. */
    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /**
     * Parses {@code text}.
     *
     * @throws TypeConversionException with a message saying what is accepted
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new TypeConversionException("empty duration: " + EXAMPLES);
        }
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return nonNegative(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + text + "' is not an ISO-8601 duration: " + EXAMPLES);
            }
        }
        if (t.chars().allMatch(Character::isDigit)) {
            throw new TypeConversionException("'" + text + "' has no unit: " + EXAMPLES);
        }
        Matcher m = PART.matcher(t.toLowerCase(Locale.ROOT));
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = total.plus(part(Long.parseLong(m.group(1)), m.group(2), text));
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw new TypeConversionException("'" + text + "' is not a duration: " + EXAMPLES);
        }
        return total;
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
            throw new TypeConversionException("'" + text + "' is too long a duration");
        }
    }

    private static Duration nonNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw new TypeConversionException("'" + text + "' is negative: " + EXAMPLES);
        }
        return d;
    }

    /** {@code d} the way {@link #parse} reads it back, largest units first: {@code 1h30m}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long days = d.toDays();
        append(out, days, "d");
        append(out, d.toHoursPart(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        append(out, d.toMillisPart(), "ms");
        return out.length() == 0 ? "0s" : out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount > 0) {
            out.append(amount).append(unit);
        }
    }
}
