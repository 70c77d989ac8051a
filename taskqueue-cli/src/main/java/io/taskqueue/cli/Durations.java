package io.taskqueue.cli;

import io.taskqueue.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations on the command line, in the one format {@link DurationText} defines: {@code 500ms},
 * {@code 30s}, {@code 1h30m}, or ISO-8601. A bare number is refused: an operator who types
 * {@code --grace 60} may mean seconds or minutes, and a clean is not undone.
 */
public final class Durations implements ITypeConverter<Duration> {
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
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code d} the way {@link #parse} reads it back, largest units first: {@code 1h30m}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration d) {
        return DurationText.format(d);
    }
}
